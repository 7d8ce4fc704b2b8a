// The CSV reader on the shapes Polish offices produce: Excel's `;`, `,` from other tools, quotes
// (RFC 4180), CRLF, LF and the old Mac CR, blank lines, a missing final newline.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/domain';

const cells = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(`not parsed: ${parsed.code} at ${parsed.line}`);
  return parsed.rows.map((r) => r.cells);
};
const lines = (text: string) => {
  const parsed = parseCsv(text);
  return parsed.ok ? parsed.rows.map((r) => r.line) : [];
};

describe('parseCsv', () => {
  it.each([
    ['semicolons, LF', 'a;b\n1;2\n', [['a', 'b'], ['1', '2']]],
    ['semicolons, CRLF, no final newline', 'a;b\r\n1;2', [['a', 'b'], ['1', '2']]],
    ['old Mac CR', 'a;b\r1;2\r', [['a', 'b'], ['1', '2']]],
    ['commas', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['a trailing separator is an empty last cell', 'a;b;\n1;2;', [['a', 'b', ''], ['1', '2', '']]],
    ['empty cells in the middle', 'a;b;c\n1;;3', [['a', 'b', 'c'], ['1', '', '3']]],
    ['an empty quoted cell', 'a;b\n"";x', [['a', 'b'], ['', 'x']]],
    ['the other separator inside a cell is text', 'a;b\n1,5;"x;y"', [['a', 'b'], ['1,5', 'x;y']]],
    ['commas inside quotes in a comma file', 'a,b\n"Kowalska, Anna",2', [['a', 'b'], ['Kowalska, Anna', '2']]],
    ['doubled quotes', 'a\n"powiedział ""tak"""', [['a'], ['powiedział "tak"']]],
    ['a quote in the middle of a cell is text', 'a\nul. "Pod Lipami" 3', [['a'], ['ul. "Pod Lipami" 3']]],
    ['a line break inside quotes', 'a;b\n"dwie\nlinie";2', [['a', 'b'], ['dwie\nlinie', '2']]],
    ['blank lines are skipped', 'a\n\n1\n\r\n2\n', [['a'], ['1'], ['2']]],
    ['Polish letters and a BOM', '\uFEFFImię;Źródło\nŁucja;Żółć', [['Imię', 'Źródło'], ['Łucja', 'Żółć']]],
  ])('%s', (_name, text, expected) => {
    expect(cells(text)).toEqual(expected);
  });

  it.each([
    ['Imię;Nazwisko', ';'],
    ['Imię,Nazwisko', ','],
    ['"Nazwisko, imię";PESEL', ';'],
    ['"Nazwisko; imię",PESEL', ','],
    ['Nazwisko', ';'],
  ])('takes the separator from the header %j → %j', (header, separator) => {
    const parsed = parseCsv(`${header}\nx`);
    expect(parsed.ok && parsed.separator).toBe(separator);
  });

  it('numbers every row by the line it starts on, counting line breaks inside quotes', () => {
    expect(lines('a;b\n"1\n2";x\n\ny;z\n')).toEqual([1, 2, 5]);
  });

  it.each([
    ['an unclosed quote', 'a;b\n1;"2\n3;4', { ok: false, line: 2, code: 'unclosedQuote' }],
    ['an empty file', '', { ok: false, line: 1, code: 'empty' }],
    ['a file of blank lines and a BOM', '\uFEFF \r\n\n', { ok: false, line: 1, code: 'empty' }],
  ])('refuses %s', (_name, text, expected) => {
    expect(parseCsv(text)).toEqual(expected);
  });
});
