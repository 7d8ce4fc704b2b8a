/** The register as CSV for Excel (UTF-8 with BOM, `;`), with Polish headers and words. */
import type { Participant } from '../entities/participant';
import { CSV_BOM, csvLine } from '../rules/reports/sheet-csv';

const DIET_PL = { standard: 'standardowa', diabetic: 'cukrzycowa', easyToDigest: 'lekkostrawna', vegetarian: 'wegetariańska', glutenFree: 'bezglutenowa', lactoseFree: 'bez laktozy', other: 'inna' } as const;
const AID_PL = { none: 'brak', cane: 'laska', crutches: 'kule', walker: 'balkonik', wheelchair: 'wózek', other: 'inny' } as const;
const STATUS_PL = { candidate: 'kandydat', active: 'aktywny', suspended: 'zawieszony', discharged: 'skreślony' } as const;
const DAYS_PL = ['', 'pn', 'wt', 'śr', 'czw', 'pt', 'sob', 'nd'];
const pl = (day: string | null) => (day ? day.split('-').reverse().join('.') : '');

export function registerToCsv(people: readonly Participant[], studios: ReadonlyMap<string, string>): string {
  const lines = [csvLine([
    'Nazwisko', 'Imię', 'Data urodzenia', 'PESEL', 'Status', 'Pracownia', 'Dni', 'Data przyjęcia', 'Data skreślenia', 'Telefon',
    'Ulica', 'Kod pocztowy', 'Miejscowość', 'Dowóz', 'Sprzęt', 'Dieta', 'Alergie', 'Orzeczenie ważne do',
  ])];
  for (const p of people) {
    lines.push(csvLine([
      p.lastName, p.firstName, pl(p.birthDate), p.pesel ?? '', STATUS_PL[p.status], p.studioId ? (studios.get(p.studioId) ?? '') : '',
      p.attendanceWeekdays.map((d) => DAYS_PL[d]).join(','), pl(p.admissionDate), pl(p.dischargeDate), p.phone ?? '',
      p.address.street, p.address.postalCode, p.address.city, p.transport.needsTransport ? 'tak' : 'nie', AID_PL[p.transport.mobilityAid],
      DIET_PL[p.diet], p.allergies, p.disabilityCertificate ? (pl(p.disabilityCertificate.validUntil) || 'na stałe') : '',
    ]));
  }
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}
