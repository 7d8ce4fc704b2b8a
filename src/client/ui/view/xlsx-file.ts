/**
 * The first sheet of an Excel workbook (.xlsx) as the rows the register's import reads, each with
 * its sheet row number as the line, so errors name the row Excel shows. The reader, read-excel-file
 * (maintained, built on fflate), is loaded only when a workbook is chosen. Dates become yyyy-MM-dd,
 * numbers their plain digits (a PESEL kept as a number loses its leading zeros; the import puts them
 * back), empty cells ''. Rows with nothing in them are left out, as blank lines of a CSV are.
 */
import type { CsvRow } from '../../../domain';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Whether a chosen file is an Excel workbook (by its type, or its name where the type is missing). */
export function isXlsxFile(file: { name: string; type: string }): boolean {
  return file.type === XLSX_TYPE || /\.xlsx$/i.test(file.name);
}

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  return String(value).trim();
}

/** The rows of the workbook's first sheet, or null when the file is not a readable workbook. */
export async function readXlsxRows(file: Blob): Promise<CsvRow[] | null> {
  try {
    const { readSheet } = await import('read-excel-file/universal');
    const sheet = await readSheet(await file.arrayBuffer());
    const rows: CsvRow[] = [];
    sheet.forEach((cells, index) => {
      const texts = cells.map(cellText);
      if (texts.some((t) => t !== '')) rows.push({ line: index + 1, cells: texts });
    });
    return rows.length > 0 ? rows : null;
  } catch {
    return null;
  }
}
