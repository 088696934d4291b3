// Reads an uploaded CSV or Excel file whole into a header row and text cells, or refuses it with
// a 422 naming `file` (bad CSV quoting, a corrupt workbook, no header row, no rows): an import
// never starts on a file that cannot be read to its end. A cell our exports wrote formula-safe
// ('=…, '+…) is read as it was before, so a report or an export can be fixed and uploaded again.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../errors.ts';
import { formulaUnescaped } from '../inbox/export-csv.ts';

export type ImportFormat = 'csv' | 'xlsx';
export type ParsedImportFile = { headers: string[]; rows: string[][] };

/**
 * `firstRows`: read only the header and that many rows (a preview; the file was read whole when it
 * was uploaded), for CSV; a workbook is always read whole.
 */
export async function parseImportFile(
  bytes: Buffer,
  format: ImportFormat,
  firstRows?: number,
): Promise<ParsedImportFile> {
  if (bytes.length === 0) {
    throw unreadable('is empty');
  }
  const table = format === 'csv' ? parseCsv(bytes, firstRows) : await parseXlsx(bytes);
  return toHeadersAndRows(firstRows === undefined ? table : table.slice(0, firstRows + 1), firstRows !== undefined);
}

function parseCsv(bytes: Buffer, firstRows: number | undefined): string[][] {
  const text = bytes.toString('utf8');
  if (text.includes('\u0000')) {
    throw unreadable('is not a text (CSV) file');
  }
  try {
    return parse(text, {
      bom: true,
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      ...(firstRows === undefined ? {} : { to: firstRows + 1 }),
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const reason = (error as Error).message.split(':')[0] ?? 'unreadable';
    throw unreadable(`is not valid CSV${line ? ` (line ${line})` : ''}: ${reason}`);
  }
}

/** Comma, semicolon (spreadsheets in much of Europe) or tab: whichever the header line holds most. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, firstLine.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

async function parseXlsx(bytes: Buffer): Promise<string[][]> {
  if (bytes.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') {
    throw unreadable('is not an Excel (.xlsx) workbook');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw unreadable('is a damaged Excel (.xlsx) workbook that cannot be read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    throw unreadable('has no worksheet');
  }
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    table.push(Array.from(cells, (cell) => cell ?? ''));
  });
  return table;
}

/** A cell as the text a person sees: dates as 2026-03-31, formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('richText' in value) {
      return value.richText.map((part) => part.text).join('');
    }
    if ('formula' in value || 'sharedFormula' in value) {
      return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    }
    if ('text' in value) {
      return String(value.text);
    }
    if ('error' in value) {
      return '';
    }
  }
  return String(value);
}

function toHeadersAndRows(table: string[][], isPartial: boolean): ParsedImportFile {
  const [headerRow, ...body] = table;
  if (!headerRow || headerRow.every((cell) => cell.trim() === '')) {
    throw unreadable('has no header row: its first row must name the columns');
  }
  let width = headerRow.length;
  while (width > 0 && headerRow[width - 1]!.trim() === '') {
    width -= 1;
  }
  const headers = headerRow.slice(0, width).map((cell, index) => cell.trim() || `Column ${index + 1}`);
  const seen = new Set<string>();
  for (const header of headers) {
    if (seen.has(header.toLowerCase())) {
      throw unreadable(`names the column "${header}" twice: each column needs its own name`);
    }
    seen.add(header.toLowerCase());
  }
  const rows: string[][] = [];
  for (const [index, cells] of body.entries()) {
    if (cells.slice(width).some((cell) => cell.trim() !== '')) {
      throw unreadable(`row ${index + 2} has more cells than the header row has columns (${width})`);
    }
    if (cells.some((cell) => cell.trim() !== '')) {
      rows.push(Array.from({ length: width }, (_, column) => formulaUnescaped(cells[column] ?? '')));
    }
  }
  if (rows.length === 0 && !isPartial) {
    throw unreadable('has a header row but no contacts under it');
  }
  return { headers, rows };
}

function unreadable(message: string): AppError {
  return AppError.field('file', message, 'UNPROCESSABLE');
}
