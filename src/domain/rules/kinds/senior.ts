/**
 * Senior day homes and clubs, and the programme that funds them in a given year (issue 19, point 4).
 *
 * Sources:
 * - Programme "Senior+" 2021–2025 (programme period 2021–2025): day homes "Senior+" offer at least
 *   8 hours a day Monday to Friday, for people aged 60+ no longer working. It ended on 31 December 2025;
 *   units of kind `seniorPlus` keep working and are funded as day homes from 2026.
 * - Government programme "Aktywni Seniorzy – ASY" (M.P. 2025 poz. 1255), from 2026: day homes
 *   ("Dzienny Dom Aktywny Senior") and clubs ("Klub Aktywny Senior"); module 2 (running the centre)
 *   pays per place a month 400 zł for a home and 200 zł for a club in 2026, 500 zł and 300 zł from
 *   2027, and adds dementia prevention (the activity category `dementiaPrevention`).
 * - Clubs have no 8-hour rule: only day homes must offer 8 hours Monday to Friday.
 */
import type { UnitKind } from '../../entities/unit';
import type { PeriodReport } from '../reports/period-report';

/** The kinds of centre for seniors (60+). */
export const SENIOR_KINDS = ['seniorPlus', 'activeSeniorHome', 'activeSeniorClub'] as const satisfies readonly UnitKind[];

/** A centre for seniors: the participants should be 60 or older. */
export function isSeniorKind(kind: UnitKind): boolean {
  return (SENIOR_KINDS as readonly UnitKind[]).includes(kind);
}

/** Day homes (Senior+ and "Dzienny Dom Aktywny Senior") must offer 8 hours Monday to Friday; clubs need not. */
export function needsEightHourOffer(kind: UnitKind): boolean {
  return kind === 'seniorPlus' || kind === 'activeSeniorHome';
}

/** The programme funding senior centres in a year: Senior+ until 2025, "Aktywni Seniorzy – ASY" from 2026. */
export type SeniorProgramme = 'seniorPlus' | 'asy';

/** The last year of the Senior+ programme. */
export const SENIOR_PLUS_LAST_YEAR = 2025;

export function seniorProgrammeOf(year: number): SeniorProgramme {
  return year <= SENIOR_PLUS_LAST_YEAR ? 'seniorPlus' : 'asy';
}

/** ASY module 2, zł per place a month (M.P. 2025 poz. 1255): [home, club] in 2026 and from 2027. */
const ASY_RATES: readonly { fromYear: number; home: number; club: number }[] = [
  { fromYear: 2027, home: 500, club: 300 },
  { fromYear: 2026, home: 400, club: 200 },
];

/**
 * The ASY module-2 rate of a senior unit in `year`, in zł per place a month; null before 2026 (the
 * Senior+ amount was set in each year's contract, not by a rate this app knows) or for other kinds.
 */
export function asyModule2Rate(kind: UnitKind, year: number): number | null {
  if (!isSeniorKind(kind) || seniorProgrammeOf(year) !== 'asy') return null;
  const rate = ASY_RATES.find((r) => year >= r.fromYear)!;
  return kind === 'activeSeniorClub' ? rate.club : rate.home;
}

export interface SeniorFunding {
  year: number;
  programme: SeniorProgramme;
  /** Places (the unit's seats). */
  places: number;
  /** Months of the period in which the unit is open at least one day. */
  months: number;
  /** zł per place a month, or null when no rate is known (Senior+ years). */
  ratePerPlace: number | null;
  /** places × months × rate, in zł; null when no rate is known. */
  grant: number | null;
}

/**
 * The funding of a senior unit over the months of one year's period: the programme of that year,
 * places × months and the resulting module-2 grant. `monthOpenDays` gives, per month of the period,
 * the days the unit is open (elapsed and planned): a month with none is not funded.
 */
export function seniorFunding(unit: { kind: UnitKind; seats: number }, monthOpenDays: readonly { month: string; openDays: number }[]): SeniorFunding | null {
  if (!isSeniorKind(unit.kind) || monthOpenDays.length === 0) return null;
  const year = Number(monthOpenDays[0]!.month.slice(0, 4));
  const months = monthOpenDays.filter((m) => m.openDays > 0).length;
  const ratePerPlace = asyModule2Rate(unit.kind, year);
  return {
    year, programme: seniorProgrammeOf(year), places: unit.seats, months, ratePerPlace,
    grant: ratePerPlace === null ? null : unit.seats * months * ratePerPlace,
  };
}

/** The programmes' names as printed on the Polish report and spreadsheet. */
export const SENIOR_PROGRAMME_PL: Record<SeniorProgramme, string> = {
  seniorPlus: 'Program wieloletni „Senior+” na lata 2021–2025',
  asy: 'Program „Aktywni Seniorzy – ASY” (M.P. 2025 poz. 1255), moduł 2',
};

/** The funding of a senior unit over a report's period: each month counts when the unit opens in it (elapsed or planned days). */
export function seniorFundingOfReport(report: Pick<PeriodReport, 'unit' | 'sheets'>): SeniorFunding | null {
  return seniorFunding(report.unit, report.sheets.map((s) => ({ month: s.month, openDays: s.openDays + s.plannedOpenDays })));
}
