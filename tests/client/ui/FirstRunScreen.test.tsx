// The first-run page of a device without a session on a server that is not set up yet, over the
// real setup and demo actions and a scripted server: Polish welcome, the demo with its logins,
// each field error next to its field, and a server refusal mapped to its fields.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasUnsavedWork } from '../../../src/client/state/sw-bridge';
import { TransportError } from '../../../src/client/sync/transport';
import { App } from '../../../src/client/ui/App';
import { startFixture, stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';

let fixture: AppFixture;
beforeEach(async () => {
  fixture = await startFixture({ signedIn: false, setup: { initialized: false, demoAvailable: true } });
});
afterEach(() => stopFixture());

/** Renders the app and waits for the first-run page (its code loads on demand). */
async function renderPage() {
  const view = render(<App />);
  await screen.findByRole('heading', { level: 1, name: 'Witamy w Obecni' });
  return view;
}

const field = (label: string | RegExp) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
const CODE = /^Kod konfiguracji/;
const type = (label: string | RegExp, value: string) => fireEvent.input(field(label), { target: { value } });
const errorOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' | ');

function fillValidForm() {
  type(CODE, 'abcd-efgh-jkmn');
  type('Nazwa ośrodka', 'MOPS w Gdyni');
  type('Nazwa pierwszej placówki', 'Dzienny Dom Senior+');
  fireEvent.change(screen.getByLabelText('Rodzaj placówki'), { target: { value: 'seniorPlus' } });
  type('Imię i nazwisko administratora', 'Ewa Lis');
  type('Login administratora', 'ewa.lis');
  type(/^Hasło/, 'bardzo-dlugie-haslo');
  type('Powtórz hasło', 'bardzo-dlugie-haslo');
}

describe('first-run page', () => {
  it('welcomes in Polish and offers the demo with its logins', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Witamy w Obecni' })).toBeTruthy();
    expect(screen.getByText(/admin, koordynator, terapeuta, kierowca, kuchnia/)).toBeTruthy();
    expect(screen.getByText('obecni-demo-2026').closest('p')?.textContent).toBe('Hasło do każdego konta: obecni-demo-2026');
    expect(screen.getByRole('option', { name: 'Dzienny Dom „Senior+”' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Środowiskowy Dom Samopomocy' })).toBeTruthy();
  });

  it('shows each error next to its field and sends nothing while invalid', async () => {
    await renderPage();
    type('Login administratora', 'Ewa Lis');
    type(/^Hasło/, 'krotkie');
    type('Powtórz hasło', 'inne');
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));

    const org = field('Nazwa ośrodka');
    expect(org.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(org)).toContain('To pole jest wymagane.');
    expect(errorOf(field('Login administratora'))).toContain('Login może zawierać małe litery');
    expect(errorOf(field(/^Hasło/))).toContain('Hasło musi mieć co najmniej 12 znaków.');
    expect(errorOf(field('Powtórz hasło'))).toContain('Hasła nie są takie same.');
    expect(errorOf(screen.getByLabelText('Rodzaj placówki'))).toContain('Wybierz jedną z opcji.');
    expect(field('Miejscowość (nieobowiązkowo)').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(org);
    expect(screen.getByRole('alert').textContent).toContain('Popraw zaznaczone pola formularza.');
    expect(fixture.transport.callsOf('setup')).toEqual([]);
    expect(hasUnsavedWork()).toBe(true);
  });

  it('clears a field error as soon as it is corrected, after the first submit', async () => {
    await renderPage();
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));
    expect(field('Nazwa ośrodka').getAttribute('aria-invalid')).toBe('true');
    type('Nazwa ośrodka', 'MOPS w Gdyni');
    expect(field('Nazwa ośrodka').getAttribute('aria-invalid')).toBeNull();
  });

  it('sends the validated request when the form is valid', async () => {
    await renderPage();
    fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));
    await waitFor(() => expect(fixture.transport.callsOf('setup')).toHaveLength(1));
    expect(fixture.transport.callsOf('setup')).toEqual([[{
      setupCode: 'abcd-efgh-jkmn', organizationName: 'MOPS w Gdyni', city: '', unitName: 'Dzienny Dom Senior+', unitKind: 'seniorPlus',
      adminName: 'Ewa Lis', login: 'ewa.lis', password: 'bardzo-dlugie-haslo',
    }]]);
    // Signed in as the new administrator: the app opens.
    expect(await screen.findByText('Zalogowano: Ewa Lis')).toBeTruthy();
  });

  it('shows a server refusal in Polish and maps its issues to fields', async () => {
    fixture.transport.failing.set('setup', new TransportError('invalidRequest', 400, [{ path: 'login', code: 'invalidLogin' }]));
    await renderPage();
    fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));
    await screen.findByText('Niektóre dane są nieprawidłowe. Popraw zaznaczone pola.');
    expect(field('Login administratora').getAttribute('aria-invalid')).toBe('true');
  });

  it('asks for the setup code the server printed: without it nothing is sent; a code the server refuses is flagged on its field', async () => {
    await renderPage();
    expect(screen.getByRole('heading', { level: 2, name: 'Kod konfiguracji' })).toBeTruthy();
    expect(screen.getByText(/wypisał przy uruchomieniu/)).toBeTruthy();
    fillValidForm();
    type(CODE, '  ');
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));
    expect(errorOf(field(CODE))).toContain('To pole jest wymagane.');
    expect(document.activeElement).toBe(field(CODE));
    fireEvent.click(screen.getByRole('button', { name: 'Załaduj centrum demonstracyjne' }));
    expect(fixture.transport.callsOf('setup')).toEqual([]);
    expect(fixture.transport.callsOf('loadDemo')).toEqual([]);

    fixture.transport.failing.set('setup', new TransportError('forbidden', 403, [{ path: 'setupCode', code: 'wrongSetupCode' }]));
    type(CODE, 'ZLY-KOD');
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));
    await waitFor(() => expect(errorOf(field(CODE))).toContain('To nie jest aktualny kod.'));
    expect(fixture.transport.callsOf('setup')).toEqual([[expect.objectContaining({ setupCode: 'ZLY-KOD' })]]);
    expect(screen.queryByText('Nie masz uprawnień do tej czynności.')).toBeNull();
    type(CODE, 'ABCD-EFGH-JKMN');
    fireEvent.click(screen.getByRole('button', { name: 'Załaduj centrum demonstracyjne' }));
    await waitFor(() => expect(fixture.transport.callsOf('loadDemo')).toEqual([[expect.any(String), 'ABCD-EFGH-JKMN']]));
  });

  it('loads the demo centre and shows progress, then an error in Polish when it fails', async () => {
    const finish = fixture.transport.hold();
    fixture.transport.down = true;
    await renderPage();
    type(CODE, 'ABCD-EFGH-JKMN');
    fireEvent.click(screen.getByRole('button', { name: 'Załaduj centrum demonstracyjne' }));
    expect(screen.getByText('Ładowanie centrum demonstracyjnego…')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Załaduj centrum demonstracyjne' }) as HTMLButtonElement).disabled).toBe(true);
    finish();
    await screen.findByText(/Brak połączenia z serwerem/);
  });

  it('has no axe violations, before and after a failed submit', async () => {
    const { container } = await renderPage();
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));
    expect(await axeViolations(container)).toEqual([]);
  });
});
