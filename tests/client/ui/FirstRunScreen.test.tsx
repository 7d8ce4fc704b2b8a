// The first-run page: field errors sit next to their fields, nothing is sent while the form is
// invalid, a valid form sends the normalized request, the demo is one click, and axe finds nothing.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/client/ui/App';
import { axeViolations } from './axe';
import { actions, fake, resetFake } from './fake-state';

vi.mock('../../../src/client/state', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/reports', async () => (await import('./fake-state')).fakeReportingModule());
vi.mock('../../../src/client/state/register', async () => (await import('./fake-state')).fakeRegistryModule());
vi.mock('../../../src/client/state/meals', async () => (await import('./fake-state')).fakeKitchenModule());
vi.mock('../../../src/client/state/transport', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/transport/routes', async () => (await import('./fake-state')).fakeRouteEditingModule());
vi.mock('../../../src/client/state/attendance', async () => (await import('./fake-state')).fakeStateModule());
vi.mock('../../../src/client/state/admin', async () => (await import('./fake-state')).fakeStateModule());

beforeEach(() => resetFake());
afterEach(() => cleanup());

const field = (label: string | RegExp) => screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
const CODE = /^Kod konfiguracji/;
const type = (label: string | RegExp, value: string) => fireEvent.input(field(label), { target: { value } });
const errorOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' | ');

function fillValidForm() {
  type(/^Kod konfiguracji/, 'abcd-efgh-jkmn');
  type('Nazwa ośrodka', 'MOPS w Gdyni');
  type('Nazwa pierwszej placówki', 'Dzienny Dom Senior+');
  fireEvent.change(screen.getByLabelText('Rodzaj placówki'), { target: { value: 'seniorPlus' } });
  type('Imię i nazwisko administratora', 'Ewa Lis');
  type('Login administratora', 'ewa.lis');
  type(/^Hasło/, 'bardzo-dlugie-haslo');
  type('Powtórz hasło', 'bardzo-dlugie-haslo');
}

describe('first-run page', () => {
  it('welcomes in Polish and offers the demo with its logins', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Witamy w Obecni' })).toBeTruthy();
    expect(screen.getByText(/admin, koordynator, terapeuta, kierowca, kuchnia/)).toBeTruthy();
    expect(screen.getByText('obecni-demo-2026').closest('p')?.textContent).toBe('Hasło do każdego konta: obecni-demo-2026');
    expect(screen.getByRole('option', { name: 'Dzienny Dom „Senior+”' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'Środowiskowy Dom Samopomocy' })).toBeTruthy();
  });

  it('shows each error next to its field and sends nothing while invalid', async () => {
    render(<App />);
    type('Login administratora', 'Ewa Lis');
    type(/^Hasło/, 'krotkie');
    type('Powtórz hasło', 'inne');
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));

    const org = field('Nazwa ośrodka');
    expect(org.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(org)).toContain('To pole jest wymagane.');
    expect(errorOf(field('Login administratora'))).toContain('Login może zawierać małe litery');
    expect(errorOf(field(/^Hasło/))).toContain('Hasło musi mieć co najmniej 10 znaków.');
    expect(errorOf(field('Powtórz hasło'))).toContain('Hasła nie są takie same.');
    expect(errorOf(screen.getByLabelText('Rodzaj placówki'))).toContain('Wybierz jedną z opcji.');
    expect(field('Miejscowość (nieobowiązkowo)').getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(org);
    expect(screen.getByRole('alert').textContent).toContain('Popraw zaznaczone pola formularza.');
    expect(actions.setupOrganization).not.toHaveBeenCalled();
    expect(fake.formDirty.value).toBe(true);
  });

  it('clears a field error as soon as it is corrected, after the first submit', () => {
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));
    expect(field('Nazwa ośrodka').getAttribute('aria-invalid')).toBe('true');
    type('Nazwa ośrodka', 'MOPS w Gdyni');
    expect(field('Nazwa ośrodka').getAttribute('aria-invalid')).toBeNull();
  });

  it('sends the validated request when the form is valid', async () => {
    render(<App />);
    fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));
    await waitFor(() => expect(actions.setupOrganization).toHaveBeenCalledTimes(1));
    expect(actions.setupOrganization).toHaveBeenCalledWith({
      setupCode: 'abcd-efgh-jkmn', organizationName: 'MOPS w Gdyni', city: '', unitName: 'Dzienny Dom Senior+', unitKind: 'seniorPlus',
      adminName: 'Ewa Lis', login: 'ewa.lis', password: 'bardzo-dlugie-haslo',
    });
  });

  it('shows a server refusal in Polish and maps its issues to fields', async () => {
    actions.setupOrganization.mockResolvedValueOnce({ ok: false, error: { code: 'invalidInput', issues: [{ path: 'login', code: 'invalidLogin' }] } });
    render(<App />);
    fillValidForm();
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));
    await screen.findByText('Niektóre dane są nieprawidłowe. Popraw zaznaczone pola.');
    expect(field('Login administratora').getAttribute('aria-invalid')).toBe('true');
  });

  it('asks for the setup code the server printed: without it nothing is sent; a code the server refuses is flagged on its field', async () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 2, name: 'Kod konfiguracji' })).toBeTruthy();
    expect(screen.getByText(/wypisał przy uruchomieniu/)).toBeTruthy();
    fillValidForm();
    type(CODE, '  ');
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));
    expect(errorOf(field(CODE))).toContain('To pole jest wymagane.');
    expect(document.activeElement).toBe(field(CODE));
    fireEvent.click(screen.getByRole('button', { name: 'Załaduj centrum demonstracyjne' }));
    expect(actions.setupOrganization).not.toHaveBeenCalled();
    expect(actions.loadDemoCentre).not.toHaveBeenCalled();

    actions.setupOrganization.mockResolvedValueOnce({ ok: false, error: { code: 'forbidden', issues: [{ path: 'setupCode', code: 'wrongSetupCode' }] } });
    type(CODE, 'ZLY-KOD');
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));
    await waitFor(() => expect(errorOf(field(CODE))).toContain('To nie jest aktualny kod.'));
    expect(actions.setupOrganization).toHaveBeenCalledWith(expect.objectContaining({ setupCode: 'ZLY-KOD' }));
    expect(screen.queryByText('Nie masz uprawnień do tej czynności.')).toBeNull();
    type(CODE, 'ABCD-EFGH-JKMN');
    fireEvent.click(screen.getByRole('button', { name: 'Załaduj centrum demonstracyjne' }));
    await waitFor(() => expect(actions.loadDemoCentre).toHaveBeenCalledWith('ABCD-EFGH-JKMN'));
  });

  it('loads the demo centre and shows progress, then an error in Polish when it fails', async () => {
    let finish: (r: { ok: false; error: { code: 'network' } }) => void = () => {};
    actions.loadDemoCentre.mockImplementationOnce(() => new Promise((resolve) => { finish = resolve; }));
    render(<App />);
    type(CODE, 'ABCD-EFGH-JKMN');
    fireEvent.click(screen.getByRole('button', { name: 'Załaduj centrum demonstracyjne' }));
    expect(screen.getByText('Ładowanie centrum demonstracyjnego…')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Załaduj centrum demonstracyjne' }) as HTMLButtonElement).disabled).toBe(true);
    finish({ ok: false, error: { code: 'network' } });
    await screen.findByText(/Brak połączenia z serwerem/);
  });

  it('has no axe violations, before and after a failed submit', async () => {
    const { container } = render(<App />);
    expect(await axeViolations(container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Utwórz ośrodek' }));
    expect(await axeViolations(container)).toEqual([]);
  });
});
