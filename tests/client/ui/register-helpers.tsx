// Shared set-up of the register's component tests: three people (one with Polish letters, one
// struck off), one studio, a signed-in coordinator, the router back on the list; and small
// helpers to read the screen.
import { fireEvent, screen } from '@testing-library/preact';
import { navigate, useRoute } from '../../../src/client/ui/router';
import { actions, fake, loaded, resetFake, signIn } from './fake-state';
import { makeParticipant, makeRoom, makeUnit } from './fixtures';

export const lukasz = makeParticipant({
  id: 'p-l', firstName: 'Łukasz', lastName: 'Żółtowski', studioId: 'room-1', attendanceWeekdays: [1, 3],
  transport: { needsTransport: true, mobilityAid: 'none', driverNote: '' },
});
export const anna = makeParticipant({ id: 'p-a', firstName: 'Anna', lastName: 'Kowalska', birthDate: '1944-05-14', diet: 'diabetic' });
export const zenon = makeParticipant({ id: 'p-z', firstName: 'Zenon', lastName: 'Ćwik', status: 'discharged', dischargeDate: '2026-01-31', dischargeReason: 'przeprowadzka' });

/** Call in beforeEach: a fresh fake state with the three people, and the register's list path. */
export function setUpRegister(): void {
  navigate('/uczestnicy', { replace: true });
  resetFake();
  signIn(makeUnit());
  fake.participants.value = loaded([lukasz, anna, zenon]);
  fake.rooms.value = loaded([makeRoom({ id: 'room-1', name: 'Stolarnia' })]);
}

export const SEARCH = 'Szukaj (imię, nazwisko, PESEL, telefon)';

/** The names on the cards, in order. */
export const names = (c: Element) => [...c.querySelectorAll('.person__name')].map((e) => e.firstChild?.textContent);

/** The path the screen is on (the router is real; only the state layer is faked). */
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

/** The arguments of the last saveParticipant call: the id (null for a new person) and the record. */
export const lastSave = () => actions.saveParticipant.mock.calls.at(-1) as unknown as [string | null, Record<string, unknown>];
export const saved = () => lastSave()[1];
