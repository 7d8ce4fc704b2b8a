/**
 * Uczestnicy: the unit's register — search that ignores Polish letters and case, filters, Polish
 * order and counts; add and edit every field; discharge and readmit; import from CSV and export
 * to CSV. The form and the import have their own paths under /uczestnicy and replace the list
 * while open (tablet-sized screens): the back button closes them and the list keeps its search,
 * filters and scroll position.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { mayEraseParticipant } from '../../../../domain';
import { useT } from '../../../i18n';
import { useCurrentUnit, useLocalSession, useParticipants, useRooms, useToday } from '../../../state';
import { NoUnitNotice } from '../../components/NoUnitNotice';
import { QueryStatus } from '../../components/QueryStatus';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useRoute } from '../../router';
import { REGISTER_PATH, registerPath, registerView, type RegisterView } from '../../view/register-route';
import { ImportPanel } from './ImportPanel';
import { ParticipantForm } from './ParticipantForm';
import { RegisterList, useRegisterFilter } from './RegisterList';

/** Scrolls the page (a property, so it is a no-op where there is no layout, as in tests). */
function scrollPageTo(y: number): void {
  const root = document.scrollingElement;
  if (root) root.scrollTop = y;
}

export function RegisterScreen() {
  const t = useT();
  const today = useToday();
  const { path, navigate } = useRoute();
  const view = registerView(path);
  const { unit, isLoading } = useCurrentUnit();
  const session = useLocalSession().data;
  const participants = useParticipants(unit?.id ?? null);
  const rooms = useRooms(unit?.id ?? null);
  const studios = useMemo(() => (rooms.data ?? []).filter((r) => r.isStudio), [rooms.data]);
  const filter = useRegisterFilter();
  const [message, setMessage] = useState('');
  // Opened from the list: closing goes back in the history, so back and "Anuluj" agree.
  const fromList = useRef(false);
  const listScroll = useRef(0);
  const canErase = mayEraseParticipant(session?.roles ?? []);

  const open = (next: RegisterView) => {
    fromList.current = true;
    listScroll.current = document.scrollingElement?.scrollTop ?? 0;
    setMessage('');
    navigate(registerPath(next));
    scrollPageTo(0);
  };
  const close = (text?: string) => {
    setMessage(text ?? '');
    if (fromList.current) history.back();
    else navigate(REGISTER_PATH, { replace: true });
  };
  useEffect(() => {
    if (view.kind !== 'list') return;
    fromList.current = false;
    const y = listScroll.current;
    listScroll.current = 0;
    if (y > 0) requestAnimationFrame(() => scrollPageTo(y));
  }, [view.kind]);

  const body = () => {
    if (!unit) return <NoUnitNotice loading={isLoading} />;
    if (view.kind === 'import') {
      return <ImportPanel unitId={unit.id} today={today} studios={studios} existing={participants.data ?? []} onClose={close} />;
    }
    if (view.kind === 'new') return <ParticipantForm unit={unit} participant={null} today={today} canErase={canErase} onClose={close} />;
    if (view.kind === 'edit') {
      return (
        <QueryStatus result={participants}>
          {(list) => {
            const person = list.find((p) => p.id === view.id);
            return person
              ? <ParticipantForm key={person.id} unit={unit} participant={person} today={today} canErase={canErase} onClose={close} />
              : (
                <div class="callout" role="status">
                  <p>{t('register.notFound')}</p>
                  <button type="button" class="button button--secondary" onClick={() => close()}>{t('register.backToList')}</button>
                </div>
              );
          }}
        </QueryStatus>
      );
    }
    return (
      <RegisterList unitId={unit.id} participants={participants} studios={studios} rooms={rooms.data ?? []} today={today} filter={filter}
        message={message} onOpen={open} />
    );
  };

  return (
    <div class="screen">
      <ScreenHeader title={t('participants.title')}>
        {unit && <p class="screen__subtitle">{unit.name}</p>}
      </ScreenHeader>
      {body()}
    </div>
  );
}
