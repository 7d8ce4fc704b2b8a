/**
 * The server's password rule (issue 14 item 9), applied wherever a password is set (first-run
 * setup, a new account, an administrator's reset, a change of one's own), never at sign-in, so
 * existing passwords keep working: the shared part (protocol `passwordIssue`: at least 12
 * characters, not the login or the name), then zxcvbn-ts with the common-password list and the
 * Polish dictionary (common words, first and last names, Wikipedia words) and the person's login,
 * name and the organization's name as inputs: a password it rates below 3 ("safely unguessable",
 * about 10^8 guesses) is refused as `passwordTooCommon`. The dictionaries (a few MB) load on the
 * first check and stay on the server: the app shows the server's reason, so none of it is in the
 * first-load bundle.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as pl from '@zxcvbn-ts/language-pl';
import { passwordIssue } from '../protocol';
import { HttpFailure } from './http/errors';

/** The lowest zxcvbn score accepted (0–4). */
export const MIN_PASSWORD_SCORE = 3;
/** Only this many characters are rated (the check grows with the length; longer passwords are not the weak ones). */
const RATED_LENGTH = 64;

let factory: ZxcvbnFactory | null = null;

function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...pl.dictionary }, graphs: common.adjacencyGraphs });
  return factory;
}

/** Why `password` may not be set for this person, or null. */
export function newPasswordIssue(password: string, person: { login: string; displayName: string; organizationName?: string }): 'passwordTooShort' | 'passwordIsLogin' | 'passwordTooCommon' | null {
  const shared = passwordIssue(password, person);
  if (shared) return shared;
  const inputs = [person.login, person.displayName, ...person.displayName.split(/\s+/), person.organizationName ?? '', 'obecni', 'mops'].filter((s) => s.length > 0);
  return estimator().check(password.slice(0, RATED_LENGTH), inputs).score < MIN_PASSWORD_SCORE ? 'passwordTooCommon' : null;
}

/** Refuses (400 invalidRequest, the reason under `path`) a password `newPasswordIssue` would not accept. */
export function requireAcceptablePassword(password: string, person: Parameters<typeof newPasswordIssue>[1], path = 'password'): void {
  const issue = newPasswordIssue(password, person);
  if (issue) throw new HttpFailure('invalidRequest', [{ path, code: issue }]);
}
