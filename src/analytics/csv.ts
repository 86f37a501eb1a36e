import type { GraphValue, Row } from '../graph';

/** One CSV field (RFC 4180): nodes, relationships and lists as JSON, null as empty. */
function field(value: GraphValue | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV with a header line, CRLF line ends as RFC 4180 asks. */
export function toCsv(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [columns.map((c) => field(c)), ...rows.map((r) => columns.map((c) => field(r[c])))];
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
