/** A table to offer as CSV: the header row and the data rows. */
export interface CsvTable {
  header: readonly string[];
  rows: readonly (readonly (string | number | null | undefined)[])[];
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV text (RFC 4180: CRLF, quotes where needed) with a UTF-8 byte-order mark, so spreadsheet
 * programs read the Chinese header; empty cells for missing values.
 */
export function toCsv(table: CsvTable): string {
  const lines = [table.header, ...table.rows].map((row) =>
    row.map(cell).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name without characters that file systems refuse. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_');
}
