/**
 * Reading a small CSV a person exported from a spreadsheet: RFC 4180
 * quoting, comma or semicolon separated (French spreadsheets write `;`), any
 * line ending, a byte-order mark tolerated. Each record keeps the line it
 * starts on, so a refusal can point at the line the user sees in an editor.
 */

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
  /** The record as written, for showing it back. */
  text: string;
  /** A quote opened and never closed: the cells are a guess. */
  malformed: boolean;
}

/** `;` when the first line has semicolons and no commas, `,` otherwise. */
export function detectSeparator(csv: string): ',' | ';' {
  const firstLine = csv.split(/\r\n|\n|\r/, 1)[0] ?? '';
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

export function parseCsv(input: string): CsvRecord[] {
  const csv = input.replace(/^\uFEFF/, '');
  const separator = detectSeparator(csv);
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < csv.length) {
    const start = i;
    const startLine = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let malformed = false;
    let ended = false;
    while (i < csv.length && !ended) {
      const c = csv[i]!;
      if (quoted) {
        if (c === '"' && csv[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (c === '"') {
          quoted = false;
          i++;
        } else {
          if (c === '\n' || (c === '\r' && csv[i + 1] !== '\n')) line++;
          cell += c;
          i++;
        }
      } else if (c === '"' && cell.trim() === '') {
        quoted = true;
        cell = '';
        i++;
      } else if (c === separator) {
        cells.push(cell);
        cell = '';
        i++;
      } else if (c === '\r' || c === '\n') {
        i += c === '\r' && csv[i + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
      } else {
        cell += c;
        i++;
      }
    }
    if (quoted) malformed = true;
    cells.push(cell);
    const text = csv.slice(start, i).replace(/\r?\n$|\r$/, '');
    // Blank lines (and lines of only separators) are not records: spreadsheets leave them at the end.
    if (cells.some((c) => c.trim() !== '')) records.push({ line: startLine, cells, text, malformed });
  }
  return records;
}
