/** Today's contradictions between the driver and the attendance list, at the top of the side column (issue 13). */
import type { Participant } from '../../../../domain';
import { useT } from '../../../i18n';
import { useMarkContradictions } from '../../../state/transport';
import { fullName } from '../../view/people';
import { ContradictionItem } from './ContradictionItem';

export function ContradictionList({ unitId, day, people, canDecide }: { unitId: string; day: string; people: ReadonlyMap<string, Participant>; canDecide: boolean }) {
  const t = useT();
  const found = useMarkContradictions(unitId, day).data ?? [];
  if (found.length === 0) return null;
  return (
    <section class="card card--warning" aria-labelledby="today-conflicts">
      <h2 id="today-conflicts" class="card__title">{t('conflict.title', { count: found.length })}</h2>
      <p class="muted">{t('conflict.explain')}</p>
      {found.map((c) => {
        const person = people.get(c.participantId);
        return <ContradictionItem key={`${c.event.id}@${c.mark.hlc}`} c={c} unitId={unitId} name={person ? fullName(person) : '—'} canDecide={canDecide} />;
      })}
    </section>
  );
}
