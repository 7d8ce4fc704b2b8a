/**
 * A minimal XLSX (SpreadsheetML) writer: enough for the attendance sheet and the funder reports —
 * text and number cells, bold headers, greyed closed days, percentages, frozen header rows and
 * columns, column widths, A4 landscape with the header rows repeated on every printed page.
 *
 * Why our own writer: the files are simple tables, and ~150 lines over `fflate` (a maintained,
 * dependency-free 8 kB zip library) keep the lazily loaded export chunk small, where the `xlsx`
 * package on npm is unmaintained with known CVEs and `exceljs` is far heavier than needed. The
 * tests read every file back with an independent reader (`read-excel-file`).
 *
 * Not exported from the domain index: only the export chunk imports it, so the initial bundle
 * never carries it.
 */
import { strToU8, zipSync } from 'fflate';

export type XStyle = 'normal' | 'bold' | 'closed' | 'percent' | 'title';
export type XValue = string | number | null;
export type XCell = XValue | { v: XValue; s: XStyle };

export interface XSheet {
  /** At most 31 characters, none of \ / ? * [ ] : (replaced otherwise). */
  name: string;
  rows: XCell[][];
  /** Column widths in characters, from the first column. */
  widths?: number[];
  /** Rows and columns kept in view while scrolling. */
  freeze?: { rows: number; cols: number };
  /** The first N rows repeat at the top of every printed page. */
  printTitleRows?: number;
  landscape?: boolean;
}

const STYLE_INDEX: Record<XStyle, number> = { normal: 0, bold: 1, closed: 2, percent: 3, title: 4 };

/** Escapes text for XML and drops characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function safeSheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Arkusz';
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 28)} ${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function sheetXml(sheet: XSheet, strings: Map<string, number>): string {
  const parts: string[] = [];
  const pane = sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)
    ? `<sheetViews><sheetView workbookViewId="0"><pane${sheet.freeze.cols ? ` xSplit="${sheet.freeze.cols}"` : ''}${sheet.freeze.rows ? ` ySplit="${sheet.freeze.rows}"` : ''} topLeftCell="${columnName(sheet.freeze.cols)}${sheet.freeze.rows + 1}" activePane="bottomRight" state="frozen"/></sheetView></sheetViews>`
    : '';
  parts.push(`${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">`);
  parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  parts.push(pane);
  if (sheet.widths?.length) {
    parts.push(`<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  }
  parts.push('<sheetData>');
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      const { v, s } = cell !== null && typeof cell === 'object' ? cell : { v: cell, s: 'normal' as XStyle };
      const ref = `${columnName(c)}${r + 1}`;
      const style = STYLE_INDEX[s] ? ` s="${STYLE_INDEX[s]}"` : '';
      if (v === null || v === '') {
        if (style) cells.push(`<c r="${ref}"${style}/>`);
      } else if (typeof v === 'number') {
        if (Number.isFinite(v)) cells.push(`<c r="${ref}"${style}><v>${v}</v></c>`);
      } else {
        let index = strings.get(v);
        if (index === undefined) strings.set(v, (index = strings.size));
        cells.push(`<c r="${ref}"${style} t="s"><v>${index}</v></c>`);
      }
    });
    parts.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  parts.push('</sheetData>');
  parts.push('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>');
  parts.push(`<pageSetup paperSize="9" orientation="${sheet.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>`);
  parts.push('</worksheet>');
  return parts.join('');
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS}">`
  + '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>'
  + '<fonts count="3"><font><sz val="10"/><name val="Calibri"/></font><font><b/><sz val="10"/><name val="Calibri"/></font><font><b/><sz val="13"/><name val="Calibri"/></font></fonts>'
  + '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
  + '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="5">'
  + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
  + '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>'
  + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
  + '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
  + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The workbook's files (path → XML), before zipping: what `writeXlsx` packs. */
export function xlsxParts(sheets: readonly XSheet[]): Record<string, string> {
  if (sheets.length === 0) throw new RangeError('noSheets');
  const strings = new Map<string, number>();
  const used = new Set<string>();
  const names = sheets.map((s) => safeSheetName(s.name, used));
  const files: Record<string, string> = {};
  sheets.forEach((s, i) => { files[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(s, strings); });
  const quoted = (n: string) => `'${n.replace(/'/g, "''")}'`;
  const defined = sheets.map((s, i) => (s.printTitleRows
    ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlEscape(quoted(names[i]!))}!$1:$${s.printTitleRows}</definedName>` : '')).join('');
  files['[Content_Types].xml'] = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
  files['_rels/.rels'] = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  files['xl/workbook.xml'] = `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>`
    + names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
    + `</sheets>${defined ? `<definedNames>${defined}</definedNames>` : ''}</workbook>`;
  files['xl/_rels/workbook.xml.rels'] = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + `<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>`
    + `<Relationship Id="rId${sheets.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  files['xl/styles.xml'] = STYLES;
  const list = [...strings.keys()];
  files['xl/sharedStrings.xml'] = `${XML_HEAD}<sst xmlns="${NS}" count="${list.length}" uniqueCount="${list.length}">`
    + list.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join('') + '</sst>';
  return files;
}

/** The workbook as the bytes of an .xlsx file. */
export function writeXlsx(sheets: readonly XSheet[]): Uint8Array {
  const parts = xlsxParts(sheets);
  // [Content_Types].xml first, as Office writes it.
  const ordered: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8(parts['[Content_Types].xml']!) };
  for (const [path, xml] of Object.entries(parts)) if (path !== '[Content_Types].xml') ordered[path] = strToU8(xml);
  return zipSync(ordered, { level: 6, mtime: new Date(1980, 0, 1, 0, 0, 0) });
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
