// Senior homes and clubs (issue 19, point 4). Sources: programme "Senior+" 2021–2025 (ended on
// 31 December 2025; a day home offers at least 8 hours Monday to Friday, people aged 60+) and
// "Aktywni Seniorzy – ASY" (M.P. 2025 poz. 1255): module 2 pays per place a month 400 zł (home) and
// 200 zł (club) in 2026, 500 zł and 300 zł from 2027; clubs have no 8-hour rule.
import { describe, expect, it } from 'vitest';
import type { UnitKind } from '../../../../src/domain/entities/unit';
import { participantWarnings } from '../../../../src/domain/register/checks';
import {
  asyModule2Rate, isSeniorKind, needsEightHourOffer, seniorFunding, seniorFundingOfReport, seniorProgrammeOf, type SeniorFunding,
} from '../../../../src/domain/rules/kinds/senior';
import { periodReport } from '../../../../src/domain/rules/reports';
import { periodReportXlsx } from '../../../../src/domain/rules/reports/workbooks';
import { unit } from '../fixtures';

describe('the programme of a year (Senior+ until 2025, ASY from 2026)', () => {
  it.each([[2021, 'seniorPlus'], [2025, 'seniorPlus'], [2026, 'asy'], [2030, 'asy']] as const)('%i → %s', (year, programme) => {
    expect(seniorProgrammeOf(year)).toBe(programme);
  });
});

describe('ASY module 2: zł per place a month (M.P. 2025 poz. 1255)', () => {
  it.each<[UnitKind, number, number | null]>([
    ['activeSeniorHome', 2026, 400],
    ['activeSeniorClub', 2026, 200],
    ['activeSeniorHome', 2027, 500],
    ['activeSeniorClub', 2027, 300],
    ['activeSeniorClub', 2031, 300],
    // A Senior+ home that keeps working is funded as a day home from 2026.
    ['seniorPlus', 2026, 400],
    // Senior+ years: the amount was set by each year's contract.
    ['seniorPlus', 2025, null],
    ['activeSeniorHome', 2025, null],
    ['wtz', 2026, null],
    ['selfHelpHome', 2027, null],
  ])('%s in %i → %s', (kind, year, rate) => {
    expect(asyModule2Rate(kind, year)).toBe(rate);
  });
});

describe('the 8-hour offer applies to day homes, not clubs', () => {
  it.each<[UnitKind, boolean, boolean]>([
    ['seniorPlus', true, true],
    ['activeSeniorHome', true, true],
    ['activeSeniorClub', true, false],
    ['wtz', false, false],
    ['selfHelpHome', false, false],
  ])('%s: senior %s, 8 hours %s', (kind, senior, eight) => {
    expect(isSeniorKind(kind)).toBe(senior);
    expect(needsEightHourOffer(kind)).toBe(eight);
  });
});

describe('participants aged 60+ in every senior kind', () => {
  it.each<[UnitKind, string[]]>([
    ['seniorPlus', ['seniorUnder60']], ['activeSeniorHome', ['seniorUnder60']], ['activeSeniorClub', ['seniorUnder60']], ['wtz', []],
  ])('%s: a person of 59 → %j', (kind, codes) => {
    const found = participantWarnings({ birthDate: '1967-06-01', disabilityCertificate: null }, kind, '2026-12-07');
    expect(found.map((f) => f.code)).toEqual(codes);
  });
});

const months = (year: number, open: number[]) => open.map((openDays, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, openDays }));

describe('places × months and the grant', () => {
  it.each<[string, UnitKind, number, { month: string; openDays: number }[], SeniorFunding | null]>([
    ['a home of 25 places, all of 2026', 'activeSeniorHome', 25, months(2026, Array(12).fill(20)),
      { year: 2026, programme: 'asy', places: 25, months: 12, ratePerPlace: 400, grant: 120_000 }],
    ['a club of 20 places, a quarter of 2027', 'activeSeniorClub', 20, months(2027, [21, 20, 22]),
      { year: 2027, programme: 'asy', places: 20, months: 3, ratePerPlace: 300, grant: 18_000 }],
    ['a month without an open day is not funded (a home closed in August 2026)', 'activeSeniorHome', 10, months(2026, [20, 20, 20, 20, 20, 20, 20, 0]),
      { year: 2026, programme: 'asy', places: 10, months: 7, ratePerPlace: 400, grant: 28_000 }],
    ['Senior+ in 2025: places × months, the grant from the contract', 'seniorPlus', 25, months(2025, [20, 20, 21]),
      { year: 2025, programme: 'seniorPlus', places: 25, months: 3, ratePerPlace: null, grant: null }],
    ['not a senior unit', 'wtz', 30, months(2026, [20]), null],
  ])('%s', (_name, kind, seats, open, expected) => {
    expect(seniorFunding({ kind, seats }, open)).toEqual(expected);
  });

  it('counts the planned days of a year not over yet (the grant is for the places kept, not the days elapsed)', () => {
    const u = unit({ kind: 'activeSeniorHome', seats: 25, openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '16:00' })) });
    const r = periodReport({ unit: u, participants: [], marks: [], notices: [], activities: [], sessions: [] }, { kind: 'year', month: '2026-12' }, '2026-12-07');
    expect(seniorFundingOfReport(r)).toEqual({ year: 2026, programme: 'asy', places: 25, months: 12, ratePerPlace: 400, grant: 120_000 });
  });

  it('the spreadsheet summary names the programme and gives the grant', () => {
    const u = unit({ kind: 'activeSeniorClub', seats: 20 });
    const r = periodReport({ unit: u, participants: [], marks: [], notices: [], activities: [], sessions: [] }, { kind: 'year', month: '2027-03' }, '2028-01-10');
    const rows = periodReportXlsx(r, (c) => c)[0]!.rows.map((row) => row.map((c) => (c !== null && typeof c === 'object' ? c.v : c)));
    expect(rows).toContainEqual(['Program (2027)', 'Program „Aktywni Seniorzy – ASY” (M.P. 2025 poz. 1255), moduł 2']);
    expect(rows).toContainEqual(['Miejsca × miesiące', 240]);
    expect(rows).toContainEqual(['Dotacja (zł)', 72_000]);
  });
});
