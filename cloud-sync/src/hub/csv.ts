// CSV for spreadsheets (RFC 4180): every text cell quoted with its quotes doubled, CRLF line ends, a
// UTF-8 byte-order mark so Excel reads Chinese text right, text that a spreadsheet would run as a formula
// (starting with = + - @, a tab or a carriage return, after any spaces) prefixed with ' (OWASP), and any
// run of 13 to 19 digits (a card number typed into a note, spaces or dashes between) masked to its last 4.
// Pure; runs anywhere.

import { maskDigitRuns } from '../wire.ts';

export { maskDigitRuns };

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^\s*[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  let text = maskDigitRuns(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export const CSV_BOM = '\uFEFF';

/** The whole file: BOM, header, rows, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvCell), ...rows.map((r) => r.map(csvCell))].map((cells) => cells.join(','));
  return `${CSV_BOM}${lines.map((l) => `${l}\r\n`).join('')}`;
}
