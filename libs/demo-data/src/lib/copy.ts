/** Text-format COPY encoding (tab-separated, \N for NULL, backslash escapes). */

const NEEDS_ESCAPE = /[\\\t\n\r]/;

export function escapeCopy(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}

/** A PostgreSQL array literal of text values: {"a","b"}. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return escapeCopy(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v)) return escapeCopy(pgArray(v.map(String)));
  return escapeCopy(JSON.stringify(v));
}

/** COPY text of rows (objects keyed by column name), one line per row. */
export function copyLines<T extends object>(
  rows: Iterable<T>,
  columns: readonly (keyof T & string)[],
): string {
  let out = '';
  for (const r of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) line += '\t';
      line += copyValue(r[columns[i]]);
    }
    out += line + '\n';
  }
  return out;
}
