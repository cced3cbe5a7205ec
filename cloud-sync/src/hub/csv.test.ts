import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, maskDigitRuns, toCsv } from './csv.ts';

/** A minimal RFC 4180 reader, to prove the writer's output reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  return rows;
}

describe('csv', () => {
  it('quotes text, doubles quotes and keeps commas and line breaks inside a cell', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['say "hi", then\r\nleave', 3],
        ['客户说：卡被吞了', null],
      ],
    );
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([
      ['a', 'b'],
      ['say "hi", then\r\nleave', '3'],
      ['客户说：卡被吞了', ''],
    ]);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x', '\r=x', '  =HYPERLINK("x")'])
      expect(csvCell(bad).startsWith(`"'`)).toBe(true);
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell(-5)).toBe('-5');
  });

  it('masks card-number-like digit runs, also with spaces or dashes, and leaves short numbers', () => {
    expect(maskDigitRuns('card 6228480402564890 swallowed')).toBe('card ************4890 swallowed');
    expect(maskDigitRuns('4111 1111 1111 1111')).toBe('************1111');
    expect(maskDigitRuns('4111-1111-1111-1111.')).toBe('************1111.');
    expect(maskDigitRuns('call 13800138000 at 2026')).toBe('call 13800138000 at 2026');
    expect(maskDigitRuns('622848******4890')).toBe('622848******4890');
    expect(csvCell('=6228480402564890')).toBe(`"'=************4890"`);
  });
});
