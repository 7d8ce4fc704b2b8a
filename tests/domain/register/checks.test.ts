// Checks shared by the form and the import, and the register's search on combined filters and
// on a register of 2,000 people (correctness only: the speed is in `npm run bench`).
import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER, buildRegisterIndex, filterRegister, isFilterActive, participantErrors, participantWarnings, type RegisterFilter,
} from '../../../src/domain';
import { person } from '../rules/fixtures';

describe('participantErrors', () => {
  it.each([
    [{ pesel: null, birthDate: '1944-05-14' }, []],
    [{ pesel: '44051401458', birthDate: '1944-05-14' }, []],
    [{ pesel: '44051401458', birthDate: '1944-05-15' }, [{ path: 'pesel', code: 'peselBirthDateMismatch' }]],
    [{ pesel: '02270803624', birthDate: '2002-07-08' }, []],
    [{ pesel: '02270803624', birthDate: '1902-07-08' }, [{ path: 'pesel', code: 'peselBirthDateMismatch' }]],
    [{ pesel: null, birthDate: '1944-05-14', status: 'discharged' as const, dischargeDate: null }, [{ path: 'dischargeDate', code: 'dischargeDateRequired' }]],
    [{ pesel: null, birthDate: '1944-05-14', status: 'discharged' as const, dischargeDate: '2026-01-31' }, []],
    [{ pesel: null, birthDate: '1944-05-14', status: 'active' as const, dischargeDate: null }, []],
  ])('%j → %j', (p, expected) => {
    expect(participantErrors(p)).toEqual(expected);
  });
});

describe('participantWarnings', () => {
  const base = { birthDate: '1950-01-01', disabilityCertificate: null, rehabPlan: null, status: 'active' as const };
  it.each([
    ['nothing to say', base, 'seniorPlus', []],
    ['Senior+ under 60', { ...base, birthDate: '1970-01-01' }, 'seniorPlus', [{ path: 'birthDate', code: 'seniorUnder60' }]],
    ['the same age elsewhere', { ...base, birthDate: '1970-01-01' }, 'dayHome', []],
    ['an overdue IPR', { ...base, rehabPlan: { startDate: '2025-01-01', reviewDate: '2026-11-22' } }, 'wtz', [{ path: 'rehabPlan.reviewDate', code: 'rehabReviewOverdue' }]],
    ['an IPR due today', { ...base, rehabPlan: { startDate: '2025-01-01', reviewDate: '2026-11-23' } }, 'wtz', []],
    ['an overdue IPR of a struck-off person', { ...base, status: 'discharged' as const, rehabPlan: { startDate: '2025-01-01', reviewDate: '2026-01-01' } }, 'wtz', []],
  ] as const)('%s', (_name, p, kind, expected) => {
    expect(participantWarnings(p, kind, '2026-11-23')).toEqual(expected);
  });
});

describe('register filters', () => {
  const people = [
    person('p-1', { firstName: 'Łukasz', lastName: 'Żółw', diet: 'diabetic', attendanceWeekdays: [1, 3], studioId: 'st-1', transport: { needsTransport: true, mobilityAid: 'none', driverNote: '' } }),
    person('p-2', { firstName: 'Łucja', lastName: 'Lis', diet: 'diabetic', attendanceWeekdays: [1], studioId: 'st-1' }),
    person('p-3', { firstName: 'Anna', lastName: 'Łoś', status: 'suspended', studioId: 'st-2' }),
    person('p-4', { firstName: 'Ewa', lastName: 'Kos', deleted: true }),
  ];
  const index = buildRegisterIndex(people);
  const ids = (f: Partial<RegisterFilter>) => filterRegister(index, { ...EMPTY_FILTER, ...f }).map((p) => p.id);

  it.each([
    [{}, ['p-2', 'p-3', 'p-1']],
    [{ query: 'łu' }, ['p-2', 'p-1']],
    [{ query: 'LU', diet: 'diabetic' as const, weekday: 3 as const }, ['p-1']],
    [{ studioId: 'st-1', transport: false }, ['p-2']],
    [{ query: 'los anna', status: 'suspended' as const }, ['p-3']],
    [{ query: 'kos' }, []],
    [{ query: '   ' }, ['p-2', 'p-3', 'p-1']],
  ])('%j → %j (erased people never shown)', (filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it.each([
    [EMPTY_FILTER, false],
    [{ ...EMPTY_FILTER, query: '  ' }, false],
    [{ ...EMPTY_FILTER, query: 'a' }, true],
    [{ ...EMPTY_FILTER, transport: false }, true],
    [{ ...EMPTY_FILTER, weekday: 6 as const }, true],
  ])('isFilterActive(%j) = %s', (filter, expected) => {
    expect(isFilterActive(filter)).toBe(expected);
  });

  it('finds every match in a register of 2,000 people, in Polish order', () => {
    const first = ['Łukasz', 'Anna', 'Żaneta', 'Ścibor', 'Ćwirek'];
    const big = Array.from({ length: 2000 }, (_, i) => person(`p-${i}`, { firstName: first[i % 5]!, lastName: `Nowak${String(i).padStart(4, '0')}` }));
    const bigIndex = buildRegisterIndex(big);
    const found = filterRegister(bigIndex, { ...EMPTY_FILTER, query: 'lukasz' });
    expect(found).toHaveLength(400);
    expect(found.every((p) => p.firstName === 'Łukasz')).toBe(true);
    expect(found[0]!.lastName).toBe('Nowak0000');
    expect(filterRegister(bigIndex, { ...EMPTY_FILTER, query: 'scibor nowak1998' }).map((p) => p.id)).toEqual(['p-1998']);
  });
});
