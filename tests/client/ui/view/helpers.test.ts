// Small view helpers: attendance rows, addresses, weekday labels, reminder wording.
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../../../src/client/i18n';
import { attendanceRows } from '../../../../src/client/ui/view/attendance-rows';
import { formatAddress, weekdayShortKeys } from '../../../../src/client/ui/view/people';
import { reminderText } from '../../../../src/client/ui/view/reminder-text';
import { summarizeSync } from '../../../../src/client/ui/view/sync-summary';
import { anna, jan, makeMark, makeNotice, zofia } from '../fixtures';

const t = translatorFor('pl');
const f = { day: (d: string) => d.split('-').reverse().join('.') };

describe('attendanceRows', () => {
  it('gives each expected person their mark, a reported absence, or none', () => {
    const rows = attendanceRows({
      expected: [anna, jan, zofia],
      marks: [makeMark('p-jan', 'present'), makeMark('p-anna', 'excused')],
      notices: [makeNotice('p-anna'), makeNotice('p-zofia')],
    });
    expect(rows.map((r) => [r.participant.id, r.status])).toEqual([['p-anna', 'excused'], ['p-jan', 'present'], ['p-zofia', 'noticed']]);
  });
});

describe('weekday labels', () => {
  it('prints attendance days Monday first in Polish abbreviations', () => {
    expect(weekdayShortKeys([5, 1, 3, 2, 4]).map((k) => t(k)).join(' ')).toBe('pn wt śr czw pt');
  });
});

describe('formatAddress', () => {
  it('formats an address without empty parts', () => {
    expect(formatAddress({ street: '', postalCode: '', city: 'Gdynia' })).toBe('Gdynia');
  });
});

describe('reminderText', () => {
  it.each([
    [{ kind: 'longAbsence', participant: zofia, workingDays: 5 } as const, 'Zofia Wiśniewska', 'Nieobecność: 5 dni roboczych z rzędu'],
    [{ kind: 'longAbsence', participant: zofia, workingDays: 3 } as const, 'Zofia Wiśniewska', 'Nieobecność: 3 dni robocze z rzędu'],
    [{ kind: 'birthday', participant: jan, age: 64 } as const, 'Jan Nowak', 'Urodziny — kończy 64 lata'],
    [{ kind: 'birthday', participant: jan, age: 65 } as const, 'Jan Nowak', 'Urodziny — kończy 65 lat'],
    [{ kind: 'certificateExpiring', participant: anna, validUntil: '2026-12-31', expired: false } as const, 'Anna Kowalska', 'Orzeczenie o niepełnosprawności ważne do 31.12.2026'],
    [{ kind: 'certificateExpiring', participant: anna, validUntil: '2026-11-01', expired: true } as const, 'Anna Kowalska', 'Orzeczenie o niepełnosprawności straciło ważność 01.11.2026'],
    [{ kind: 'rehabReviewDue', participant: anna, reviewDate: '2026-12-15' } as const, 'Anna Kowalska', 'Przegląd indywidualnego programu rehabilitacji (IPR) do 15.12.2026'],
  ])('%#: names the person and what is due', (reminder, name, text) => {
    expect(reminderText(reminder, t, f)).toMatchObject({ name, text });
  });
});

describe('summarizeSync', () => {
  const base = { online: true, syncing: false, pending: 0, lastSyncAt: null, lastError: null };
  it.each([
    [{ ...base, online: false, pending: 3 }, 'offline'],
    [{ ...base, syncing: true, pending: 3 }, 'syncing'],
    [{ ...base, pending: 3, lastError: { code: 'server' as const } }, 'error'],
    [{ ...base, pending: 3 }, 'pending'],
    [{ ...base, lastSyncAt: 1 }, 'synced'],
  ])('%o → %s', (status, tone) => {
    expect(summarizeSync(status).tone).toBe(tone);
  });
});
