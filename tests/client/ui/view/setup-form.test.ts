// The first-run form rules: the protocol schema's rules, one error per field, plus the repeat check.
import { describe, expect, it } from 'vitest';
import { EMPTY_SETUP_FORM, isSetupFormDirty, validateSetupForm, type SetupFormValues } from '../../../../src/client/ui/view/setup-form';

const valid: SetupFormValues = {
  organizationName: 'MOPS w Gdyni',
  city: 'Gdynia',
  unitName: 'WTZ „Przystań”',
  unitKind: 'wtz',
  adminName: 'Ewa Lis',
  login: 'Ewa.Lis',
  password: 'dlugie-haslo-1',
  passwordRepeat: 'dlugie-haslo-1',
};

describe('validateSetupForm', () => {
  it('accepts a complete form and returns the normalized request (login lower-cased, no repeat)', () => {
    const result = validateSetupForm(valid);
    expect(result).toEqual({
      ok: true,
      request: {
        organizationName: 'MOPS w Gdyni', city: 'Gdynia', unitName: 'WTZ „Przystań”', unitKind: 'wtz',
        adminName: 'Ewa Lis', login: 'ewa.lis', password: 'dlugie-haslo-1',
      },
    });
  });

  it('accepts an empty city (optional in the protocol)', () => {
    expect(validateSetupForm({ ...valid, city: '' }).ok).toBe(true);
  });

  it('flags every required field of an empty form', () => {
    const result = validateSetupForm(EMPTY_SETUP_FORM);
    expect(result).toEqual({
      ok: false,
      errors: {
        organizationName: 'required', unitName: 'required', unitKind: 'invalidChoice', adminName: 'required',
        login: 'required', password: 'required', passwordRepeat: 'required',
      },
    });
  });

  it.each([
    [{ login: 'a b' }, 'login', 'invalidLogin'],
    [{ login: 'ab' }, 'login', 'invalidLogin'],
    [{ password: 'krotkie', passwordRepeat: 'krotkie' }, 'password', 'passwordTooShort'],
    [{ password: 'haslo-11-zn', passwordRepeat: 'haslo-11-zn' }, 'password', 'passwordTooShort'],
    // SEC-PASSWORD-FORM: the login or the name as the password is refused before sending (issue 14 item 9).
    [{ login: 'ewa.lisowska', password: 'ewa.lisowska', passwordRepeat: 'ewa.lisowska' }, 'password', 'passwordIsLogin'],
    [{ passwordRepeat: 'inne-haslo-99' }, 'passwordRepeat', 'passwordMismatch'],
    [{ organizationName: '   ' }, 'organizationName', 'required'],
    [{ unitName: 'x'.repeat(101) }, 'unitName', 'tooLong'],
    [{ city: 'x'.repeat(101) }, 'city', 'tooLong'],
  ] as const)('%o → %s: %s', (change, field, code) => {
    const result = validateSetupForm({ ...valid, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ [field]: code });
  });

  it('knows when the user has typed something', () => {
    expect(isSetupFormDirty(EMPTY_SETUP_FORM)).toBe(false);
    expect(isSetupFormDirty({ ...EMPTY_SETUP_FORM, city: 'G' })).toBe(true);
  });
});
