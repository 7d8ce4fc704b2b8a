/**
 * Uczestnicy: the unit's register — search that ignores Polish letters and case, filters, Polish
 * order and counts; add and edit every field; discharge and readmit; import from CSV and export
 * to CSV. The form and the import replace the list while open (tablet-sized screens).
 */
import { useMemo, useState } from 'preact/hooks';
import { EMPTY_FILTER, buildRegisterIndex, filterRegister, type Participant, type RegisterFilter } from '../../../domain';
import { useT } from '../../i18n';
import { registerCsv, useCurrentUnit, useLocalSession, useParticipants, useRooms, useToday } from '../../state';
import { NoUnitNotice } from '../components/NoUnitNotice';
import { QueryStatus } from '../components/QueryStatus';
import { ScreenHeader } from '../components/ScreenHeader';
import { download } from '../view/download';
import { indexById, listName, weekdayShortKeys } from '../view/people';
import { ImportPanel } from './register/ImportPanel';
import { ParticipantForm } from './register/ParticipantForm';
import { RegisterFilters } from './register/RegisterFilters';

const PAGE = 100;

type Mode = { kind: 'list' } | { kind: 'form'; participant: Participant | null } | { kind: 'import' };

export function ParticipantsScreen() {
  const t = useT();
  const today = useToday();
  const { unit, isLoading } = useCurrentUnit();
  const session = useLocalSession().data;
  const participants = useParticipants(unit?.id ?? null);
  const rooms = useRooms(unit?.id ?? null);
  const studios = useMemo(() => (rooms.data ?? []).filter((r) => r.isStudio), [rooms.data]);
  const roomsById = useMemo(() => indexById(rooms.data), [rooms.data]);
  const index = useMemo(() => buildRegisterIndex(participants.data ?? []), [participants.data]);
  const [filter, setFilter] = useState<RegisterFilter>(EMPTY_FILTER);
  const shown = useMemo(() => filterRegister(index, filter), [index, filter]);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  // A long register renders in pages: a keystroke then redraws at most one page of cards.
  const [limit, setLimit] = useState(PAGE);
  const [message, setMessage] = useState('');
  const close = (text?: string) => {
    setMode({ kind: 'list' });
    setMessage(text ?? '');
  };
  const isAdmin = session?.roles.includes('administrator') ?? false;

  return (
    <div class="screen">
      <ScreenHeader title={t('participants.title')}>
        {unit && <p class="screen__subtitle">{unit.name}</p>}
      </ScreenHeader>
      {!unit ? (
        <NoUnitNotice loading={isLoading} />
      ) : mode.kind === 'form' ? (
        <ParticipantForm unit={unit} participant={mode.participant} studios={studios} today={today} isAdmin={isAdmin} onClose={close} />
      ) : mode.kind === 'import' ? (
        <ImportPanel unitId={unit.id} today={today} studios={studios} existing={participants.data ?? []} onClose={close} />
      ) : (
        <QueryStatus result={participants}>
          {(list) => (
            <>
              <div class="toolbar">
                <button type="button" class="button button--primary" onClick={() => setMode({ kind: 'form', participant: null })}>{t('register.add')}</button>
                <button type="button" class="button button--secondary" onClick={() => setMode({ kind: 'import' })}>{t('register.import')}</button>
                <button type="button" class="button button--secondary" disabled={list.length === 0}
                  onClick={() => download(registerCsv(shown, new Map(studios.map((s) => [s.id, s.name]))), `uczestnicy-${today}.csv`)}>
                  {t('register.export')}
                </button>
                <p class="toolbar__status" role="status">{message}</p>
              </div>
              {list.length === 0 ? <p class="callout">{t('participants.empty')}</p> : (
                <>
                  <RegisterFilters filter={filter} onChange={(f) => { setFilter(f); setLimit(PAGE); }} studios={studios} />
                  <p class="count-line" role="status">{t('register.shown', { count: shown.length, total: list.length })}</p>
                  {shown.length === 0 ? <p class="muted">{t('register.noMatch')}</p> : (
                    <ul class="people">
                      {shown.slice(0, limit).map((p) => {
                        const days = weekdayShortKeys(p.attendanceWeekdays).map((k) => t(k)).join(' ');
                        const studio = p.studioId ? roomsById.get(p.studioId)?.name : undefined;
                        return (
                          <li key={p.id} class="person">
                            <p class="person__name">{listName(p)}{p.status !== 'active' && <span class="badge badge--none"> {t(`status.${p.status}`)}</span>}</p>
                            <dl class="person__facts">
                              <div><dt>{t('participants.studio')}</dt><dd>{studio ?? t('participants.noStudio')}</dd></div>
                              <div><dt>{t('participants.days')}</dt><dd>{days || t('participants.noDays')}</dd></div>
                              <div><dt>{t('participants.diet')}</dt><dd>{t(`diet.${p.diet}`)}</dd></div>
                              <div>
                                <dt>{t('participants.transport')}</dt>
                                <dd>{p.transport.needsTransport ? t('participants.needsTransport', { aid: t(`mobility.${p.transport.mobilityAid}`) }) : t('participants.ownWay')}</dd>
                              </div>
                            </dl>
                            <button type="button" class="button button--secondary" aria-label={t('register.editFor', { name: listName(p) })}
                              onClick={() => setMode({ kind: 'form', participant: p })}>{t('register.edit')}</button>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                  {shown.length > limit && (
                    <button type="button" class="button button--secondary button--wide" onClick={() => setLimit(limit + PAGE)}>
                      {t('register.more', { count: Math.min(PAGE, shown.length - limit) })}
                    </button>
                  )}
                </>
              )}
            </>
          )}
        </QueryStatus>
      )}
    </div>
  );
}
