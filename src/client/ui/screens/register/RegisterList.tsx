/**
 * The register's list: add / import / export, the search and filters, the count ("Pokazano 12
 * osób z 25") and the people as cards in Polish order, a page of 100 at a time so a keystroke
 * redraws at most one page even in a register of thousands.
 */
import { useMemo, useState } from 'preact/hooks';
import { EMPTY_FILTER, buildRegisterIndex, filterRegister, isFilterActive, type Participant, type RegisterFilter, type Room } from '../../../../domain';
import { useT } from '../../../i18n';
import type { QueryResult } from '../../../state';
import { exportRegister } from '../../../state/register';
import { ExportStatus, useExport } from '../../components/ExportStatus';
import { QueryStatus } from '../../components/QueryStatus';
import type { RegisterView } from '../../view/register-route';
import { PersonCard } from './PersonCard';
import { RegisterFilters } from './RegisterFilters';

const PAGE = 100;

/** The list's search, filters and page size, kept by the screen while a form is open. */
export interface RegisterFilterState {
  filter: RegisterFilter;
  limit: number;
  setFilter: (f: RegisterFilter) => void;
  showMore: () => void;
}

export function useRegisterFilter(): RegisterFilterState {
  const [filter, setFilterState] = useState<RegisterFilter>(EMPTY_FILTER);
  const [limit, setLimit] = useState(PAGE);
  return {
    filter, limit,
    setFilter: (f) => { setFilterState(f); setLimit(PAGE); },
    showMore: () => setLimit((l) => l + PAGE),
  };
}

export interface RegisterListProps {
  unitId: string;
  participants: QueryResult<Participant[]>;
  studios: readonly Room[];
  rooms: readonly Room[];
  today: string;
  filter: RegisterFilterState;
  message: string;
  onOpen: (view: RegisterView) => void;
}

export function RegisterList({ unitId, participants, studios, rooms, today, filter: state, message, onOpen }: RegisterListProps) {
  const t = useT();
  const index = useMemo(() => buildRegisterIndex(participants.data ?? []), [participants.data]);
  const shown = useMemo(() => filterRegister(index, state.filter), [index, state.filter]);
  const roomNames = useMemo(() => new Map(rooms.map((r) => [r.id, r.name])), [rooms]);
  const filtered = isFilterActive(state.filter);
  const exp = useExport();
  const exportCsv = () => exp.run(() => exportRegister(unitId, shown, roomNames, today), `uczestnicy-${today}.csv`);

  return (
    <QueryStatus result={participants}>
      {(list) => (
        <>
          <div class="toolbar register-toolbar">
            <button type="button" class="button button--primary" onClick={() => onOpen({ kind: 'new' })}>{t('register.add')}</button>
            <button type="button" class="button button--secondary" onClick={() => onOpen({ kind: 'import' })}>{t('register.import')}</button>
            <button type="button" class="button button--secondary" disabled={shown.length === 0 || exp.busy} onClick={exportCsv}>
              {filtered ? t('register.exportShown', { count: shown.length }) : t('register.export')}
            </button>
          </div>
          <ExportStatus state={exp} />
          <p class="toolbar__status" role="status">{message}</p>
          {list.length === 0 ? <p class="callout">{t('participants.empty')}</p> : (
            <>
              <RegisterFilters filter={state.filter} onChange={state.setFilter} studios={studios} />
              <p class="count-line" role="status">{t('register.shown', { count: shown.length, total: list.length })}</p>
              {shown.length === 0 ? <p class="muted">{t('register.noMatch')}</p> : (
                <ul class="people">
                  {shown.slice(0, state.limit).map((p) => (
                    <PersonCard key={p.id} person={p} studio={p.studioId ? roomNames.get(p.studioId) : undefined}
                      showStudio={studios.length > 0 || p.studioId !== null} onEdit={() => onOpen({ kind: 'edit', id: p.id })} />
                  ))}
                </ul>
              )}
              {shown.length > state.limit && (
                <button type="button" class="button button--secondary button--wide" onClick={state.showMore}>
                  {t('register.more', { count: Math.min(PAGE, shown.length - state.limit) })}
                </button>
              )}
            </>
          )}
        </>
      )}
    </QueryStatus>
  );
}
