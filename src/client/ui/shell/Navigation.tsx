/**
 * The main menu: a side bar from 1000 px (landscape tablets, PCs), a bottom tab bar on phones and
 * portrait tablets with the four daily sections and a "Więcej" button that opens the rest (Escape
 * closes it and returns the focus to the button). One nav landmark for both layouts.
 */
import { useRef, useState } from 'preact/hooks';
import { useT } from '../../i18n';
import { Icon } from '../components/Icon';
import { Link } from '../Link';
import { useRoute } from '../router';
import { useLocalSession } from '../../state';
import { allowedSections, homeSection, type Section } from '../sections';

/** The main navigation landmark. */
export function Navigation() {
  const t = useT();
  const { path } = useRoute();
  const [expanded, setExpanded] = useState(false);
  const moreRef = useRef<HTMLButtonElement>(null);
  const roles = useLocalSession().data?.roles ?? [];
  const allowed = allowedSections(roles);
  const home = homeSection(roles);
  // A short menu (driver, kitchen) fits the phone's bar whole; the full one keeps "Więcej".
  const PRIMARY = allowed.length <= 4 ? allowed : allowed.filter((s) => s.primary);
  const SECONDARY = allowed.length <= 4 ? [] : allowed.filter((s) => !s.primary);
  const close = () => setExpanded(false);
  const item = (s: Section) => (
    <li key={s.id} class="app-nav__item">
      <Link href={s.id === home.id ? '/' : s.path} class="app-nav__link" onNavigate={close}>
        <Icon name={s.id} />
        <span class="app-nav__label">{t(s.label)}</span>
      </Link>
    </li>
  );
  const secondaryActive = SECONDARY.some((s) => s.path === path);
  return (
    <nav
      class={expanded ? 'app-nav is-expanded' : 'app-nav'}
      aria-label={t('nav.label')}
      onKeyDown={(e) => {
        // Escape closes the open "Więcej" list and gives the focus back to its button.
        if (e.key === 'Escape' && expanded) {
          close();
          moreRef.current?.focus();
        }
      }}
    >
      <ul class="app-nav__list app-nav__list--primary">
        {PRIMARY.map(item)}
        {SECONDARY.length > 0 && <li class="app-nav__item app-nav__item--more">
          <button
            type="button"
            ref={moreRef}
            class={secondaryActive ? 'app-nav__link app-nav__more is-active' : 'app-nav__link app-nav__more'}
            aria-expanded={expanded}
            aria-controls="app-nav-more"
            onClick={() => setExpanded(!expanded)}
          >
            <Icon name="more" />
            <span class="app-nav__label">{t('nav.more')}</span>
          </button>
        </li>}
      </ul>
      {SECONDARY.length > 0 && (
        <ul class="app-nav__list app-nav__list--secondary" id="app-nav-more">
          {SECONDARY.map(item)}
        </ul>
      )}
    </nav>
  );
}
