/**
 * The register as CSV for Excel (UTF-8 with BOM, `;`), with Polish headers and words that the
 * import reads back (so a file exported from one device or unit can be imported into another).
 * Contacts, consents and notes stay out of the file: they are not needed on paper and are the
 * most sensitive part of the record.
 */
import type { Participant } from '../entities/participant';
import { csvDocument, csvLine } from '../csv-writer';

const DIET_PL = { standard: 'standardowa', diabetic: 'cukrzycowa', easyToDigest: 'lekkostrawna', vegetarian: 'wegetariańska', glutenFree: 'bezglutenowa', lactoseFree: 'bez laktozy', other: 'inna' } as const;
const AID_PL = { none: 'brak', cane: 'laska', crutches: 'kule', walker: 'balkonik', wheelchair: 'wózek', other: 'inny' } as const;
const STATUS_PL = { candidate: 'kandydat', active: 'aktywny', suspended: 'zawieszony', discharged: 'skreślony' } as const;
const DEGREE_PL = { light: 'lekki', moderate: 'umiarkowany', severe: 'znaczny', under16: 'do 16 lat' } as const;
const DAYS_PL = ['', 'pn', 'wt', 'śr', 'czw', 'pt', 'sob', 'nd'];
const pl = (day: string | null) => (day ? day.split('-').reverse().join('.') : '');

/**
 * A phone "+48 600 100 200" would be a formula to Excel: Polish numbers go out in the national form
 * ("600 100 200"); any other cell starting like a formula is neutralised by the CSV writer.
 */
function phoneCell(phone: string | null): string {
  if (phone === null) return '';
  return /^\+48[ -]?/.test(phone) ? phone.replace(/^\+48[ -]?/, '') : phone;
}

export function registerToCsv(people: readonly Participant[], studios: ReadonlyMap<string, string>): string {
  const lines = [csvLine([
    'Nazwisko', 'Imię', 'Data urodzenia', 'PESEL', 'Status', 'Pracownia', 'Dni', 'Data przyjęcia', 'Data skreślenia', 'Powód skreślenia', 'Telefon',
    'Ulica', 'Kod pocztowy', 'Miejscowość', 'Dowóz', 'Sprzęt', 'Dieta', 'Alergie', 'Stopień orzeczenia', 'Orzeczenie ważne do',
  ])];
  for (const p of people) {
    lines.push(csvLine([
      p.lastName, p.firstName, pl(p.birthDate), p.pesel ?? '', STATUS_PL[p.status], p.studioId ? (studios.get(p.studioId) ?? '') : '',
      p.attendanceWeekdays.map((d) => DAYS_PL[d]).join(','), pl(p.admissionDate), pl(p.dischargeDate), p.dischargeReason ?? '', phoneCell(p.phone),
      p.address.street, p.address.postalCode, p.address.city, p.transport.needsTransport ? 'tak' : 'nie', AID_PL[p.transport.mobilityAid],
      DIET_PL[p.diet], p.allergies, p.disabilityCertificate ? DEGREE_PL[p.disabilityCertificate.degree] : '', p.disabilityCertificate ? (pl(p.disabilityCertificate.validUntil) || 'na stałe') : '',
    ]));
  }
  return csvDocument(lines);
}
