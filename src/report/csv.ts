/** CSV as RFC 4180 says: comma-separated, CRLF line ends, fields with , " CR or LF quoted, quotes doubled. */

/** Quote one field when it needs it. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows → CSV text (UTF-8, no BOM, CRLF after every row). */
export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}
