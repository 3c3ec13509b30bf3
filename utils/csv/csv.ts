/** RFC 4180 CSV: what the bundle's register, SoA and findings files and the table captures are written in. */

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * OWASP's CSV-injection advice: a spreadsheet runs a cell that starts with one of = + - @ tab CR as a
 * formula, so such cells get a leading single quote. Page-derived table cells are hostile input.
 */
export function neutraliseFormula(cell: string): string {
  return FORMULA_TRIGGERS.has(cell.charAt(0)) ? `'${cell}` : cell;
}

const DELIMITERS = new Set([',', '\r', '\n']);

function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

export interface CsvOptions {
  /** Prefix cells that a spreadsheet would run as formulas (default true). */
  neutraliseFormulas?: boolean;
}

/** Every record ends with CRLF, so files can be concatenated and an empty last row survives. */
export function toCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const neutralise = options.neutraliseFormulas ?? true;
  let output = '';
  for (const row of rows) {
    output += row.map((cell) => quoteField(neutralise ? neutraliseFormula(cell) : cell)).join(',') + '\r\n';
  }
  return output;
}

export class CsvParseError extends Error {
  override name = 'CsvParseError';
}

/**
 * Strict RFC 4180 reader (CRLF or LF line ends, optional UTF-8 BOM, final line break optional).
 * Throws CsvParseError for an unclosed quoted field or text after a closing quote.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let recordOpen = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
    line++;
    recordOpen = false;
  };

  while (index < text.length) {
    const char = text[index];
    if (char !== '\r' && char !== '\n') recordOpen = true;
    if (char === '"' && field === '') {
      const closing = readQuoted(text, index + 1, line);
      field = closing.value;
      line += closing.lineBreaks;
      index = closing.next;
      const after = text[index];
      if (after !== undefined && after !== ',' && after !== '\r' && after !== '\n') {
        throw new CsvParseError(`CSV is malformed: unexpected text after a closing quote on line ${line}.`);
      }
      continue;
    }
    if (char === ',') endField();
    else if (char === '\n') endRow();
    else if (char === '\r') {
      if (text[index + 1] === '\n') index++;
      endRow();
    } else {
      // Unquoted text runs to the next delimiter; a stray quote inside it is kept as text.
      let end = index + 1;
      while (end < text.length && !DELIMITERS.has(text.charAt(end))) end++;
      field += text.slice(index, end);
      index = end;
      continue;
    }
    index++;
  }
  // A final line break ends the last record; it does not start an empty one.
  if (recordOpen) endRow();
  return rows;
}

function readQuoted(
  text: string,
  start: number,
  line: number,
): { value: string; next: number; lineBreaks: number } {
  let value = '';
  let lineBreaks = 0;
  let chunkStart = start;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (char === '\n') lineBreaks++;
    if (char !== '"') continue;
    value += text.slice(chunkStart, index);
    if (text[index + 1] === '"') {
      value += '"';
      index++;
      chunkStart = index + 1;
      continue;
    }
    return { value, next: index + 1, lineBreaks };
  }
  throw new CsvParseError(`CSV is malformed: a quoted field opened on line ${line} is never closed.`);
}
