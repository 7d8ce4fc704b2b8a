/**
 * The text of a chosen CSV file. Excel in Polish saves "CSV UTF-8" (with a BOM) or the older
 * plain "CSV", which is Windows-1250: a file that is not valid UTF-8 is read as Windows-1250,
 * so "Łódź" arrives as "Łódź" either way instead of as question marks.
 */
export type CsvEncoding = 'utf-8' | 'windows-1250';

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1250').decode(bytes), encoding: 'windows-1250' };
  }
}

/** Reads a File (or Blob) and decodes it as above. */
export async function readCsvFile(file: Blob): Promise<{ text: string; encoding: CsvEncoding }> {
  return decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
}
