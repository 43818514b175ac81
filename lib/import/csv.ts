import { failure, type Result, succeed } from '../result';

/** One record of a CSV file, with the line it starts on (1-based), for messages a person can act on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Parses CSV as RFC 4180 describes it, and as spreadsheets write it: commas between fields, fields
 * in double quotes may hold commas, line breaks and doubled quotes (""), lines end in CRLF, LF or
 * CR. A byte-order mark at the start is dropped. Never throws: an unclosed quote is a problem.
 */
export function parseCsv(text: string): Result<CsvRecord[]> {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteOpenedOn = 0;

  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };

  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && input[i + 1] !== '\n')) line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      // A quote opens a quoted field only at its start (spaces before it are dropped).
      cell = '';
      quoted = true;
      quoteOpenedOn = line;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (quoted) return failure('bad-request', `Line ${quoteOpenedOn}: a quoted value is never closed (a " is missing).`);
  // The last line may or may not end in a line break.
  if (cell !== '' || cells.length > 0) endRecord();
  return succeed(records);
}
