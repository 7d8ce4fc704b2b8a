/** Adding someone who is not expected on this day (an extra day, a make-up day) as present. */
import { useState } from 'preact/hooks';
import type { Participant } from '../../../../domain';
import { useT } from '../../../i18n';
import { type ActionResult } from '../../../state';
import { markDay } from '../../../state/attendance';
import { SelectField } from '../../components/SelectField';
import { fullName, listName } from '../../view/people';

export interface AddPersonFormProps {
  unitId: string;
  day: string;
  candidates: readonly Participant[];
  onResult: (result: ActionResult, name: string) => void;
}

export function AddPersonForm({ unitId, day, candidates, onResult }: AddPersonFormProps) {
  const t = useT();
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  if (candidates.length === 0) return null;
  const submit = async (e: Event) => {
    e.preventDefault();
    const person = candidates.find((p) => p.id === chosen);
    if (!person) return;
    setBusy(true);
    const result = await markDay(unitId, day, person.id, { status: 'present' });
    setBusy(false);
    if (result.ok) setChosen('');
    onResult(result, fullName(person));
  };
  return (
    <form class="inline-form" onSubmit={(e) => void submit(e)}>
      <SelectField id="add-person" label={t('attendance.addPerson')} value={chosen} onChange={setChosen} placeholder={t('attendance.addPersonChoose')}
        options={candidates.map((p) => ({ value: p.id, label: listName(p) }))} />
      <button type="submit" class="button button--secondary" disabled={!chosen || busy}>{t('attendance.addPersonButton')}</button>
    </form>
  );
}
