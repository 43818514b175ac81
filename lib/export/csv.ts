// Writing CSV for spreadsheets (lib/import/csv.ts reads it). Every cell is text a person may have
// typed, so every cell is defended against formula injection as well as quoted.

/** Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell as RFC 4180 writes it: in double quotes (inner quotes doubled) when it holds a quote, a
 * comma or a line break. A cell a spreadsheet would run as a formula (starting with =, +, -, @, tab
 * or carriage return) is prefixed with a single quote, so it shows as the text it is.
 */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records as CSV: cells joined by commas, every record (the last too) ended by CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** Put before a download's text so Excel reads it as UTF-8 (it guesses a legacy code page otherwise). */
export const CSV_BOM = '\uFEFF';
export const CSV_MIME = 'text/csv;charset=utf-8';
