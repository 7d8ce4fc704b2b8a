// Shared set-up of the register's component tests: a device with three people (one with Polish
// letters, one struck off) and one studio, a signed-in coordinator, the router back on the list;
// and small helpers to read the screen and what it saved.
import { fireEvent, screen } from '@testing-library/preact';
import type { Participant } from '../../../src/domain';
import { navigate, useRoute } from '../../../src/client/ui/router';
import { startFixture, type AppFixture, type FixtureOptions } from './app-fixture';
import { makeParticipant, makeRoom, makeUnit, withoutMeta } from './fixtures';

export const lukasz = makeParticipant({
  id: 'p-l', firstName: 'Łukasz', lastName: 'Żółtowski', studioId: 'room-1', attendanceWeekdays: [1, 3],
  transport: { needsTransport: true, mobilityAid: 'none', driverNote: '' },
});
export const anna = makeParticipant({ id: 'p-a', firstName: 'Anna', lastName: 'Kowalska', birthDate: '1944-05-14', diet: 'diabetic' });
export const zenon = makeParticipant({ id: 'p-z', firstName: 'Zenon', lastName: 'Ćwik', status: 'discharged', dischargeDate: '2026-01-31', dischargeReason: 'przeprowadzka' });

export const studio = makeRoom({ id: 'room-1', name: 'Stolarnia' });

/** Call in beforeEach: a fresh device with the three people (or `options.records`), and the register's list path. */
export function setUpRegister(options: FixtureOptions = {}): Promise<AppFixture> {
  navigate('/uczestnicy', { replace: true });
  return startFixture({ records: { units: [makeUnit()], participants: [lukasz, anna, zenon], rooms: [studio] }, ...options });
}

/** Waits until the list has read the register. */
export const findList = () => screen.findByText(/^Pokazano \d+/);

export const SEARCH = 'Szukaj (imię, nazwisko, PESEL, telefon)';

/** The names on the cards, in order. */
export const names = (c: Element) => [...c.querySelectorAll('.person__name')].map((e) => e.firstChild?.textContent);

/** The path the screen is on. */
export function Path() {
  return <output data-testid="path">{useRoute().path}</output>;
}
export const path = () => screen.getByTestId('path').textContent;

/** The error message linked to a control (aria-describedby), if any. */
export const errorOf = (label: string) => {
  const input = screen.getByLabelText(label);
  const id = input.getAttribute('aria-describedby')?.split(' ').find((x) => x.endsWith('-error'));
  return id ? document.getElementById(id)?.textContent : undefined;
};
export const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

const SEEDED = new Set([lukasz.id, anna.id, zenon.id]);

/** The people stored on the device that the test did not seed (new ones). */
export async function added(fixture: AppFixture): Promise<Participant[]> {
  return (await fixture.records('participants')).filter((p) => !SEEDED.has(p.id));
}

/** A stored participant's fields without the sync metadata (what the form edits). */
export function fieldsOf(p: Participant | undefined): Record<string, unknown> | undefined {
  return p ? withoutMeta(p) : undefined;
}
