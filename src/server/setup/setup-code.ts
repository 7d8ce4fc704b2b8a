/**
 * The one-time setup code (issue 14, item 11). A server that starts on an empty database makes a
 * random code and prints it on its console (the terminal, or the service's journal); the
 * first-run page asks for it before it creates the administrator or loads the demo. So only
 * whoever runs the server can claim it: not another site the administrator's browser has open,
 * not someone else on the office network who finds the empty server first. The code is not
 * personal data and is only good until the server is set up (or restarted: a new one is printed).
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** Letters and digits that cannot be mistaken for one another when copied by hand (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 12 characters of 31: about 59 bits, far beyond guessing over HTTP. */
const LENGTH = 12;

/** A new setup code, as printed: `ABCD-EFGH-JKMN`. */
export function newSetupCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** The code as typed, without spaces or dashes, in capitals. */
function normalise(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** True when `given` is the setup code `expected` (case, spaces and dashes aside), compared in constant time. */
export function isSetupCode(given: string, expected: string | null): boolean {
  if (expected === null) return false;
  const digest = (s: string) => createHash('sha256').update(normalise(s)).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** The lines main.ts prints when the server starts on an empty database (Polish first, then English). */
export function setupCodeMessage(code: string): string {
  return [
    `Obecni: serwer nie jest jeszcze skonfigurowany. Kod konfiguracji (wpisz go na stronie pierwszego uruchomienia): ${code}`,
    `Obecni: the server is not set up yet. Setup code (enter it on the first-run page): ${code}`,
  ].join('\n');
}
