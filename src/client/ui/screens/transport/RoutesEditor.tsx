/**
 * Trasy i przystanki (coordinators, administrators): the unit's bus runs to choose from, a new
 * one, and the editor of the chosen run. The editor is keyed by the run, so switching runs
 * starts from the stored version.
 */
import { useState } from 'preact/hooks';
import type { Unit } from '../../../../domain';
import { useT } from '../../../i18n';
import { useParticipants, useRoutes, useStaff } from '../../../state';
import { QueryStatus } from '../../components/QueryStatus';
import { draftOf, driverOptions, emptyDraft } from './route-draft';
import { RouteForm } from './RouteForm';

export function RoutesEditor({ unit }: { unit: Unit }) {
  const t = useT();
  const routes = useRoutes(unit.id);
  const participants = useParticipants(unit.id);
  const staff = useStaff(unit.id);
  // null: the first route; 'new': a new one.
  const [chosen, setChosen] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  return (
    <section class="card routes-editor" aria-labelledby="routes-editor-title">
      <h2 id="routes-editor-title" class="card__title">{t('routes.title')}</h2>
      <QueryStatus result={routes}>
        {(list) => {
          const current = chosen === 'new' ? null : list.find((r) => r.route.id === chosen) ?? (chosen === null ? list[0] : undefined) ?? null;
          const editing = chosen === 'new' || current === null ? 'new' : current.route.id;
          return (
            <>
              <ul class="route-picker" aria-label={t('routes.choose')}>
                {list.map(({ route }) => (
                  <li key={route.id}>
                    <button type="button" class="button button--secondary" aria-pressed={editing === route.id} onClick={() => { setChosen(route.id); setNotice(''); }}>
                      {route.name} · {t(`direction.${route.direction}`)}
                    </button>
                  </li>
                ))}
                <li>
                  <button type="button" class="button button--secondary" aria-pressed={editing === 'new'} onClick={() => { setChosen('new'); setNotice(''); }}>+ {t('routes.new')}</button>
                </li>
              </ul>
              {notice && <p class="callout" role="status">{notice}</p>}
              <h3 class="card__subtitle">{current && editing !== 'new' ? t('routes.editTitle', { name: current.route.name }) : t('routes.newTitle')}</h3>
              <QueryStatus result={participants}>
                {(people) => (
                  <RouteForm key={editing} initial={current && editing !== 'new' ? draftOf(current) : emptyDraft(unit.id)}
                    participants={people} drivers={driverOptions(staff.data ?? [])}
                    onSaved={(id) => setChosen(id)} onDeleted={() => { setChosen(null); setNotice(t('routes.deleted')); }} />
                )}
              </QueryStatus>
            </>
          );
        }}
      </QueryStatus>
    </section>
  );
}
