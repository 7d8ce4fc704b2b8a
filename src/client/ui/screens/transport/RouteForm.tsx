/**
 * One route in the editor: name, direction, departure, vehicle (seats, wheelchair places), driver,
 * and the ordered stops. Works on a copy; "Zapisz trasę" saves the route and its stops in one
 * write. A vehicle too small for the passengers (from their mobility aids) is shown live and asks
 * for a confirmation before saving.
 */
import { useMemo, useState } from 'preact/hooks';
import { capacityProblems, routeCapacity, ROUTE_DIRECTIONS, type Participant, type StaffMember } from '../../../../domain';
import { useT } from '../../../i18n';
import { useUnsavedWork, type AppError } from '../../../state';
import { deleteRoute, saveRoute } from '../../../state/transport/routes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormField } from '../../components/FormField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { errorKey } from '../../error-message';
import { fullName, indexById } from '../../view/people';
import { CapacityPanel } from './CapacityPanel';
import { addableParticipants, checkDraft, newStopKey, nextPlannedTime, SEATS, vehicleOf, WHEELCHAIRS, type DraftErrors, type EditorDraft } from './route-draft';
import { StopList } from './StopList';

export interface RouteFormProps {
  initial: EditorDraft;
  participants: readonly Participant[];
  drivers: readonly StaffMember[];
  onSaved: (routeId: string) => void;
  onDeleted: () => void;
}

type Outcome = { kind: 'saved' } | { kind: 'error'; error: AppError } | null;

export function RouteForm({ initial, participants, drivers, onSaved, onDeleted }: RouteFormProps) {
  const t = useT();
  const [draft, setDraft] = useState(initial);
  // The draft as last stored: anything else is unsaved input (an app update waits for it).
  const [baseline, setBaseline] = useState(initial);
  useUnsavedWork(draft !== baseline);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [announcement, setAnnouncement] = useState('');
  const [adding, setAdding] = useState('');
  const [confirm, setConfirm] = useState<'capacity' | 'delete' | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const people = useMemo(() => indexById(participants), [participants]);
  const capacity = routeCapacity(vehicleOf(draft), draft.stops, participants);
  const addable = addableParticipants(participants, draft.stops);
  const set = (patch: Partial<EditorDraft>) => { setDraft({ ...draft, ...patch }); setOutcome(null); };
  const idOf = (field: string) => `route-${field}`;
  const numberError = (e: DraftErrors['seats'], limits: { min: number; max: number }) => (e ? t('routes.invalidNumber', limits) : undefined);

  const add = () => {
    const p = people.get(adding);
    if (!p) return;
    set({ stops: [...draft.stops, { key: newStopKey(), id: null, participantId: p.id, pickupAddress: '', plannedTime: nextPlannedTime(draft) }] });
    setAdding('');
    setAnnouncement(t('routes.added', { name: fullName(p), position: draft.stops.length + 1 }));
  };

  const save = async (confirmed: boolean) => {
    const checked = checkDraft(draft);
    if (!checked.ok) { setErrors(checked.errors); return; }
    setErrors({});
    if (!confirmed && capacityProblems(capacity)) { setConfirm('capacity'); return; }
    setBusy(true);
    const base = baseline.id === null ? null : checkDraft(baseline);
    const result = await saveRoute(checked.value, base?.ok ? base.value : null);
    setBusy(false);
    setConfirm(null);
    if (!result.ok) { setOutcome({ kind: 'error', error: result.error }); return; }
    // The next save updates these records instead of creating them again.
    const saved = { ...draft, id: result.id, stops: draft.stops.map((st, i) => ({ ...st, id: result.stopIds[i] ?? st.id })) };
    setDraft(saved);
    setBaseline(saved);
    setOutcome({ kind: 'saved' });
    onSaved(result.id);
  };

  const remove = async () => {
    if (!draft.id) return;
    setBusy(true);
    const result = await deleteRoute(draft.id);
    setBusy(false);
    setConfirm(null);
    if (result.ok) onDeleted();
    else setOutcome({ kind: 'error', error: result.error });
  };

  return (
    <form class="route-form" noValidate onSubmit={(e) => { e.preventDefault(); void save(false); }}>
      <div class="route-form__fields">
        <TextField id={idOf('name')} label={t('routes.name')} value={draft.name} required error={errors.name ? t('routes.required') : undefined} onInput={(name) => set({ name })} />
        <SelectField id={idOf('direction')} label={t('routes.direction')} value={draft.direction}
          options={ROUTE_DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))} onChange={(d) => set({ direction: d === 'home' ? 'home' : 'toCentre' })} />
        <FormField id={idOf('departure')} label={t('routes.departure')} error={errors.departureTime ? t('routes.invalidTime') : undefined}>
          {(aria) => <input {...aria} type="time" class="input" step={60} value={draft.departureTime} onInput={(e) => set({ departureTime: e.currentTarget.value })} />}
        </FormField>
        <TextField id={idOf('vehicle')} label={t('routes.vehicleName')} value={draft.vehicleName} onInput={(vehicleName) => set({ vehicleName })} />
        <FormField id={idOf('seats')} label={t('routes.seats')} error={numberError(errors.seats, SEATS)}>
          {(aria) => <input {...aria} type="number" inputMode="numeric" class="input" min={SEATS.min} max={SEATS.max} value={draft.seats} onInput={(e) => set({ seats: e.currentTarget.value })} />}
        </FormField>
        <FormField id={idOf('wheelchairs')} label={t('routes.wheelchairPlaces')} error={numberError(errors.wheelchairPlaces, WHEELCHAIRS)}>
          {(aria) => <input {...aria} type="number" inputMode="numeric" class="input" min={WHEELCHAIRS.min} max={WHEELCHAIRS.max} value={draft.wheelchairPlaces} onInput={(e) => set({ wheelchairPlaces: e.currentTarget.value })} />}
        </FormField>
        <SelectField id={idOf('driver')} label={t('routes.driver')} value={draft.driverStaffId ?? ''} placeholder={t('routes.noDriver')}
          options={drivers.map((d) => ({ value: d.id, label: fullName(d) }))} onChange={(v) => set({ driverStaffId: v === '' ? null : v })} />
      </div>

      <h3 class="card__subtitle" id="route-stops-title">{t('routes.stops')}</h3>
      <StopList stops={draft.stops} people={people} onChange={(stops) => set({ stops })} lateIndexes={new Set(capacity.timesOutOfOrder)}
        announcement={announcement} onAnnounce={setAnnouncement} />
      {errors.stops && <p class="field__error" role="alert">{t('routes.invalidTime')}</p>}

      <div class="route-form__add">
        {addable.length === 0 ? <p class="muted">{t('routes.addNone')}</p> : (
          <>
            <SelectField id={idOf('add')} label={t('routes.addWho')} value={adding} placeholder={t('routes.addPlaceholder')}
              options={addable.map((p) => ({
                value: p.id,
                label: [fullName(p), p.transport.mobilityAid !== 'none' ? t(`mobility.${p.transport.mobilityAid}`) : '', p.transport.needsTransport ? t('routes.needsTransport') : '']
                  .filter((x) => x !== '').join(' · '),
              }))}
              onChange={setAdding} />
            <button type="button" class="button button--secondary" disabled={adding === ''} onClick={add}>{t('routes.addStop')}</button>
          </>
        )}
      </div>

      <CapacityPanel capacity={capacity} people={people} names={draft.stops.map((s) => { const p = people.get(s.participantId); return p ? fullName(p) : '?'; })} />

      <div class="route-form__actions">
        <button type="submit" class="button button--primary" disabled={busy}>{t('routes.save')}</button>
        {draft.id && <button type="button" class="button button--danger" disabled={busy} onClick={() => setConfirm('delete')}>{t('routes.delete')}</button>}
      </div>
      {outcome?.kind === 'saved' && <p role="status" class="callout">{t('routes.saved')}</p>}
      {outcome?.kind === 'error' && <p role="alert" class="callout callout--error">{t(errorKey(outcome.error))}</p>}

      {confirm === 'capacity' && (
        <ConfirmDialog id="route-capacity-confirm" title={t('routes.confirmTitle')} confirmLabel={t('routes.confirmSave')} busy={busy}
          onConfirm={() => void save(true)} onCancel={() => setConfirm(null)}>
          <p>{t('routes.confirmBody')}</p>
          <ul>
            {capacity.overSeats && <li>{t('routes.overSeats', { count: capacity.seatsNeeded - capacity.seats })}</li>}
            {capacity.overWheelchairs && <li>{t('routes.overWheelchairs', { count: capacity.wheelchairsNeeded - capacity.wheelchairPlaces })}</li>}
            {capacity.duplicates.map((id) => { const p = people.get(id); return <li key={id}>{t('routes.duplicate', { name: p ? fullName(p) : '?' })}</li>; })}
          </ul>
        </ConfirmDialog>
      )}
      {confirm === 'delete' && (
        <ConfirmDialog id="route-delete-confirm" title={t('routes.deleteTitle', { name: draft.name })} confirmLabel={t('routes.delete')} busy={busy}
          onConfirm={() => void remove()} onCancel={() => setConfirm(null)}>
          <p>{t('routes.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
