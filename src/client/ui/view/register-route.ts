/**
 * The register's own paths: the list at `/uczestnicy`, a new person at `/uczestnicy/nowy`, the
 * CSV import at `/uczestnicy/import`, and a stored person at `/uczestnicy/<id>` (an opaque id,
 * never a name or a PESEL: no personal data in URLs). Separate paths make the tablet's back
 * button close the form instead of leaving the register.
 */
export const REGISTER_PATH = '/uczestnicy';

export type RegisterView = { kind: 'list' } | { kind: 'new' } | { kind: 'import' } | { kind: 'edit'; id: string };

/** What a (normalized) path under the register shows; anything unexpected shows the list. */
export function registerView(path: string): RegisterView {
  if (!path.startsWith(`${REGISTER_PATH}/`)) return { kind: 'list' };
  const rest = path.slice(REGISTER_PATH.length + 1);
  if (rest === 'nowy') return { kind: 'new' };
  if (rest === 'import') return { kind: 'import' };
  return /^[A-Za-z0-9:_-]{1,120}$/.test(rest) ? { kind: 'edit', id: rest } : { kind: 'list' };
}

/** The path of a view. */
export function registerPath(view: RegisterView): string {
  switch (view.kind) {
    case 'list': return REGISTER_PATH;
    case 'new': return `${REGISTER_PATH}/nowy`;
    case 'import': return `${REGISTER_PATH}/import`;
    case 'edit': return `${REGISTER_PATH}/${view.id}`; // ids are [A-Za-z0-9:_-]: safe in a path as they are
  }
}
