/**
 * The one CSV writer of every export (the monthly attendance sheet, the month of meals, the
 * register): UTF-8 with a BOM (so Excel shows Polish letters), `;` as the separator (Polish Excel's
 * list separator), quoted fields where needed (RFC 4180), CRLF line ends.
 *
 * Every text cell is neutralised against formula injection (OWASP "CSV injection"): Excel,
 * LibreOffice and Google Sheets read a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return as a formula, so a participant named `=HYPERLINK(...)` could run one on the office PC.
 * Such a cell gets a leading apostrophe, which spreadsheets show as text and the register import
 * drops again. Numbers are written as they are (no count or total is negative).
 */

export const CSV_BOM = '\uFEFF';

/** A cell that a spreadsheet would read as a formula gets a leading apostrophe. */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One field: text neutralised, then quoted when it holds the separator, a quote or a line break. */
export function csvField(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : neutralizeFormula(value);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(';');
}

/** The whole file: BOM, lines joined by CRLF, a final CRLF. */
export function csvDocument(lines: readonly string[]): string {
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}
