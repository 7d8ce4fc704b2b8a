// Moving around, over the real state layer: links change the path without a reload, the current item is marked, focus moves
// to the new content, the phone's "Więcej" menu opens and closes, lazy screens load on first visit.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/client/ui/App';
import { navigate } from '../../../src/client/ui/router';
import { startFixture, stopFixture, type AppFixture } from './app-fixture';
import { axeViolations } from './axe';
import { anna, makeNotice, makeParticipant, makeRecurring, makeRoom, makeRoute, makeStop, makeUnit, mondayRecords } from './fixtures';

let fixture: AppFixture;
beforeEach(async () => {
  navigate('/');
  fixture = await startFixture({ records: { units: [makeUnit()] } });
});
afterEach(() => stopFixture());

const menu = () => screen.getByRole('navigation', { name: 'Menu główne' });

describe('navigation', () => {
  it('marks the current section and moves focus to the content after a click', async () => {
    render(<App />);
    expect(screen.getByRole('link', { name: 'Dziś', current: 'page' })).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Ustawienia' }));
    expect(location.pathname).toBe('/ustawienia');
    expect(await screen.findByRole('heading', { level: 1, name: 'Ustawienia' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ustawienia', current: 'page' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('main')));
    expect(document.title).toBe('Ustawienia · Obecni');
  });

  it('opens and closes the "Więcej" menu', () => {
    render(<App />);
    const more = screen.getByRole('button', { name: 'Więcej' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(menu(), { key: 'Escape' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
  });

  it('follows the back button', async () => {
    render(<App />);
    act(() => navigate('/ustawienia'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ustawienia' })).toBeTruthy();
    act(() => {
      history.replaceState(null, '', '/');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('poniedziałek, 23 listopada 2026');
  });

  it('shows a clear page for an unknown path', () => {
    navigate('/nie-ma');
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Nie ma takiej strony' })).toBeTruthy();
  });
});

describe('lazy screens', () => {
  it('Uczestnicy lists the unit’s participants with a Polish count, days, studio, diet and transport', async () => {
    const studio = makeRoom({ id: 'room-1', name: 'Pracownia stolarska' });
    const walker = makeParticipant({
      id: 'p-w', firstName: 'Teresa', lastName: 'Mazur', studioId: 'room-1', attendanceWeekdays: [5, 1, 3], diet: 'diabetic',
      transport: { needsTransport: true, mobilityAid: 'walker', driverNote: '' },
    });
    await fixture.seed({ participants: [anna, walker], rooms: [studio] });
    navigate('/uczestnicy');
    const { container } = render(<App />);
    await screen.findByText('Pokazano 2 osoby z 2');
    const item = screen.getByText('Mazur Teresa').closest('li') as HTMLElement;
    await waitFor(() => expect(item.textContent).toContain('Pracownia stolarska'));
    expect(item.textContent).toContain('pn śr pt');
    expect(item.textContent).toContain('cukrzycowa');
    expect(item.textContent).toContain('dowóz (balkonik)');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('Plan tygodnia shows the week Monday first, each day’s classes in time order', async () => {
    await fixture.seed({ activities: [
      makeRecurring({ id: 'a', title: 'Muzykoterapia', weekdays: [3], startTime: '11:00', endTime: '12:00' }),
      makeRecurring({ id: 'b', title: 'Gimnastyka', weekdays: [1, 3], startTime: '08:30', endTime: '09:00' }),
    ] });
    navigate('/plan');
    const { container } = render(<App />);
    // The lazy planner chunk (with its stylesheet) can take more than a second on a busy machine.
    const headings = await screen.findAllByRole('heading', { level: 3 }, { timeout: 5000 });
    expect(headings.map((h) => h.textContent)).toEqual(['Poniedziałek 23.11.2026 · dziś', 'Wtorek 24.11.2026', 'Środa 25.11.2026', 'Czwartek 26.11.2026', 'Piątek 27.11.2026']);
    const wednesday = screen.getByRole('region', { name: 'Środa 25.11.2026' });
    expect([...wednesday.querySelectorAll('.plan-block__title')].map((e) => e.textContent)).toEqual(['Gimnastyka', 'Muzykoterapia']);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('Obecność shows each expected person with their mark', async () => {
    await fixture.seed(mondayRecords());
    navigate('/obecnosc');
    const { container } = render(<App />);
    const roster = await screen.findByRole('region', { name: 'Osoby oczekiwane w placówce tego dnia.' });
    const rows = [...roster.querySelectorAll('.roster__item')].map((li) => [li.querySelector('.roster__name')?.textContent, li.querySelector('.badge')?.textContent]);
    expect(rows).toEqual([
      ['Kowalska Anna', 'zgłoszona nieobecność'],
      ['Nowak Jan', 'obecność'],
      ['Wiśniewska Zofia', 'nie oznaczono'],
    ]);
    expect(await axeViolations(container)).toEqual([]);
  });

  it('Posiłki shows today’s count and the diets to order', async () => {
    const teresa = makeParticipant({ id: 'p-t', firstName: 'Teresa', lastName: 'Mazur', diet: 'diabetic' });
    await fixture.seed({ participants: [anna, teresa], absenceNotices: [makeNotice('p-anna')] });
    navigate('/posilki');
    const { container } = render(<App />);
    await screen.findByText('1 posiłek');
    expect([...container.querySelectorAll('.diet-list__item')].map((li) => li.textContent)).toEqual(['cukrzycowa1']);
    expect(screen.getByText('Zamówienie do kuchni do godziny 09:30.')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('Transport shows today’s pickup list in stop order, with the people not travelling and why', async () => {
    const teresa = makeParticipant({ id: 'p-t', firstName: 'Teresa', lastName: 'Mazur', phone: '600 100 200', transport: { needsTransport: true, mobilityAid: 'wheelchair', driverNote: 'Rampa z tyłu' } });
    const olek = makeParticipant({ id: 'p-o', firstName: 'Olek', lastName: 'Bąk' });
    await fixture.seed({
      participants: [anna, teresa, olek], absenceNotices: [makeNotice('p-anna')],
      routes: [makeRoute()], routeStops: [makeStop('s-2', 'p-t', 2, '07:30'), makeStop('s-1', 'p-anna', 1, '07:15'), makeStop('s-3', 'p-o', 3, '07:40')],
    });
    navigate('/transport');
    const { container } = render(<App />);
    const stops = await screen.findByRole('list', { name: 'Przystanki trasy Kurs poranny' });
    expect([...stops.querySelectorAll('.pickup__name')].map((e) => e.textContent)).toEqual(['Teresa Mazur', 'Olek Bąk']);
    expect(screen.getByRole('link', { name: 'Zadzwoń: 600 100 200 (Teresa Mazur)' }).getAttribute('href')).toBe('tel:600100200');
    expect(screen.getByText('Rampa z tyłu')).toBeTruthy();
    expect(screen.getByText(/Do odebrania: 2 osoby · na wózku: 1/)).toBeTruthy();
    // Anna reported her absence (her notice): she is listed apart, with the reason.
    expect(screen.getByText('zgłoszona nieobecność do 25.11.2026')).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });
});
