/**
 * Tables as CSV (RFC 4180: comma-separated, CRLF line ends, a header row, fields holding a comma,
 * a quote or a line break in double quotes with quotes doubled) and back. Numbers are written as
 * JavaScript's shortest round-trip decimal, so parsing gives the same float64; null is an empty
 * field; booleans are `true` and `false`.
 */
import type { Cell, Column, Table } from './tables';

/** One field, quoted when RFC 4180 needs it. */
function field(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : Number.isNaN(cell) ? 'NaN' : String(cell)) : String(cell);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text of a table: its column names, then one line per row, CRLF after each. */
export function toCsv(table: Pick<Table, 'columns' | 'rows'>): string {
  const lines = [table.columns.map((c) => field(c.name)), ...table.rows.map((row) => row.map(field))];
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}

/**
 * The records of RFC 4180 text as strings (the header included). Accepts LF as well as CRLF line
 * ends and a missing final line end. Throws an Error on an unterminated quote or a quote inside an
 * unquoted field.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let value = '';
  let k = 0;
  let quoted = false;
  const endField = (): void => {
    record.push(value);
    value = '';
    quoted = false;
  };
  while (k < text.length) {
    const c = text[k]!;
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') {
        value += '"';
        k += 2;
      } else if (c === '"') {
        quoted = false;
        k++;
        if (k < text.length && !',\r\n'.includes(text[k]!)) throw new Error(`CSV: text after a closing quote at character ${k}`);
      } else {
        value += c;
        k++;
      }
    } else if (c === '"') {
      if (value !== '') throw new Error(`CSV: a quote inside an unquoted field at character ${k}`);
      quoted = true;
      k++;
    } else if (c === ',') {
      endField();
      k++;
    } else if (c === '\r' || c === '\n') {
      endField();
      records.push(record);
      record = [];
      k += c === '\r' && text[k + 1] === '\n' ? 2 : 1;
    } else {
      value += c;
      k++;
    }
  }
  if (quoted) throw new Error('CSV: an unterminated quoted field');
  if (value !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

/** A field read back as its column's type. */
function cellOf(text: string, column: Column): Cell {
  if (column.type === 'text') return text;
  if (text === '') return null;
  if (column.type === 'boolean') {
    if (text !== 'true' && text !== 'false') throw new Error(`CSV: ${column.name} holds "${text}", not true or false`);
    return text === 'true';
  }
  const value = Number(text);
  if (Number.isNaN(value) && text !== 'NaN') throw new Error(`CSV: ${column.name} holds "${text}", not a number`);
  return value;
}

/** Reads a table's CSV back into typed rows, checking the header against `columns`. */
export function parseTable(text: string, columns: readonly Column[]): Cell[][] {
  const [header, ...rows] = parseCsv(text);
  if (!header || header.join(',') !== columns.map((c) => c.name).join(','))
    throw new Error(`CSV: the header is not ${columns.map((c) => c.name).join(',')}`);
  return rows.map((row, r) => {
    if (row.length !== columns.length) throw new Error(`CSV: row ${r + 1} has ${row.length} fields, not ${columns.length}`);
    return row.map((text, c) => cellOf(text, columns[c]!));
  });
}
