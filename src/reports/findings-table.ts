/**
 * Findings as a flat table: the order the pane shows them in (errors first, decided last), and every
 * finding as CSV for a file or as tab-separated text for the clipboard. Text a spreadsheet would run as
 * a formula is neutralised with a leading apostrophe (OWASP's CSV-injection advice); the compared
 * figures stay plain numbers in their own columns, so a negative difference is still a number.
 */
import { RAG_WORD } from '../budget/rag';
import { SEVERITY_WORD, type Finding } from '../checks/finding';
import { sortFindings } from './builders/findings';
import { neutraliseFormula } from './giving360/csv';

export const FINDINGS_TABLE_HEADINGS = [
  'Severity',
  'RAG',
  'Rule',
  'Sheet',
  'Cell',
  'Message',
  'Expected',
  'Actual',
  'Unit',
  'Suggestion',
  'Decision',
  'Reason',
  'Date',
] as const;

const DECISION_WORD = { accepted: 'Accepted', ignored: 'Ignored' } as const;

/** A figure we wrote ourselves as an exact decimal: a number to the spreadsheet, never a formula. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Most serious first, then sheet in workbook order, then row and column of the cell (B9 before B10);
 * findings a reviewer has decided on come after every open one, in the same order among themselves.
 */
export function orderFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const sorted = sortFindings(findings, sheetOrder);
  return [...sorted.filter((f) => f.decision === undefined), ...sorted.filter((f) => f.decision !== undefined)];
}

function figure(value: string | undefined): { text: string; numeric: boolean } {
  if (value === undefined) return { text: '', numeric: true };
  return { text: value, numeric: PLAIN_NUMBER.test(value) };
}

/** One finding's fields, in the order of FINDINGS_TABLE_HEADINGS, with formulas neutralised. */
function rowOf(f: Finding): string[] {
  const text = (value: string | undefined) => neutraliseFormula(value ?? '');
  const number = (value: string | undefined) => {
    const { text: shown, numeric } = figure(value);
    return numeric ? shown : neutraliseFormula(shown);
  };
  return [
    SEVERITY_WORD[f.severity],
    f.status ? RAG_WORD[f.status] : '',
    f.rule,
    text(f.sheet),
    text(f.cell),
    text(f.message),
    number(f.expected),
    number(f.actual),
    text(f.unit),
    text(f.suggestion),
    f.decision ? DECISION_WORD[f.decision.kind] : '',
    text(f.decision?.reason),
    text(f.decision?.date),
  ];
}

/** A field quoted (quotes doubled) when it holds the delimiter, a double quote, CR or LF, as RFC 4180 says and Excel reads. */
function quoted(field: string, delimiter: string): string {
  return field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function table(findings: readonly Finding[], delimiter: string): string {
  const lines = [FINDINGS_TABLE_HEADINGS, ...findings.map(rowOf)].map((fields) => fields.map((field) => quoted(field, delimiter)).join(delimiter));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Every finding given, in the order given, as CSV: a header row, CRLF line ends and a UTF-8 byte order
 * mark, which is what lets Excel show "£" and curly quotes correctly when it opens the file.
 */
export function findingsCsv(findings: readonly Finding[]): string {
  return `\uFEFF${table(findings, ',')}`;
}

/** The same table tab-separated, for the clipboard: pasted into a sheet, it fills one cell per field. */
export function findingsTsv(findings: readonly Finding[]): string {
  return table(findings, '\t');
}
