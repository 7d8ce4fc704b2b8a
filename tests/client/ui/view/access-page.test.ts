/** ACCESS-PAGE: the printed page of the right of access lists the person's fields with the form's labels, each record about them, and each change with its values. */
import { describe, expect, it } from 'vitest';
import type { AccessExport } from '../../../../src/protocol';
import { historyText, personFields, plainValue, recordLines, type AccessWords } from '../../../../src/client/ui/view/access-page';

/** Words as keys, dates turned round: what the page asks of the translator is visible. */
const w: AccessWords = { t: (key) => `<${key}>`, day: (d) => d.split('-').reverse().join('.') };

const data: AccessExport = {
  format: 'obecni-access', generatedAtMs: Date.UTC(2026, 11, 7, 10),
  person: {
    entity: 'participants', id: 'p-1', deleted: false,
    data: { id: 'p-1', organizationId: 'o', hlc: 'h', changedBy: 'u', deleted: false, notes: 'uwaga', lastName: 'Kowalska', firstName: 'Anna', unitId: 'unit-1', pesel: '44051401359', address: { street: 'Morska 1', city: 'Gdynia' }, phone: null },
  },
  records: [
    { entity: 'dayMarks', id: 'dm:p-1:2026-11-03', deleted: false, data: { id: 'dm:p-1:2026-11-03', participantId: 'p-1', unitId: 'unit-1', day: '2026-11-03', status: 'absent', note: 'szpital', hlc: 'h' } },
    { entity: 'absenceNotices', id: 'n-1', deleted: false, data: { id: 'n-1', participantId: 'p-1', fromDay: '2026-11-02', toDay: '2026-11-04', reason: 'hospital', note: '' } },
  ],
  history: [{ entity: 'participants', recordId: 'p-1', atMs: 1, user: 'Anna Admin', device: 'PC', superseded: false, changes: [{ field: 'phone', before: '600100200', after: null }] }],
  audit: [],
};

describe('the access page', () => {
  it('ACCESS-PAGE: the person\'s fields in the form\'s order with its labels, without the sync machinery', () => {
    const fields = personFields(data.person, new Map([['unit-1', 'WTZ Zielony Dół']]), w);
    expect(fields.map((f) => f.field)).toEqual(['firstName', 'lastName', 'pesel', 'unitId', 'phone', 'address', 'notes']);
    expect(fields.find((f) => f.field === 'unitId')).toEqual({ field: 'unitId', label: 'form.unit', value: 'WTZ Zielony Dół' });
    expect(fields.find((f) => f.field === 'address')!.value).toBe('<form.street>: Morska 1, <form.city>: Gdynia');
    expect(fields.find((f) => f.field === 'phone')!.value).toBe('—');
  });

  it('ACCESS-PAGE: records by day, their own fields only; a change with before and after', () => {
    expect(recordLines(data, w).map((l) => [l.entity, l.day, l.text])).toEqual([
      ['absenceNotices', '2026-11-02', 'fromDay: 02.11.2026, toDay: 04.11.2026, reason: hospital'],
      ['dayMarks', '2026-11-03', 'status: absent, note: szpital'],
    ]);
    expect(historyText(data.history[0]!, w)).toBe('phone: 600100200 → —');
    expect(plainValue([1, 2], w, 'attendanceWeekdays')).toBe('<weekday.short.1> <weekday.short.2>');
    expect(plainValue(true, w)).toBe('<access.yes>');
  });
});
