/**
 * The Contracts and Grants Register as the organisation publishes it each quarter: one row per
 * contract or grant, sorted, with performance (RAG) and outcomes as the audit asked, totals by type
 * and a "Published <quarter>" stamp.
 */
import type { Finding } from '../../checks/finding';
import { Money, ZERO } from '../../money/decimal';
import { parseA1, rangeToA1, toA1 } from '../../sheet/a1';
import type { Table } from '../../sheet/tables/types';
import type { RegisterRecord } from '../register-records';
import type { SheetSpec, SpecColumn, SpecParagraph, SpecRow, TableSpec } from '../spec';
import { plural, sourceLine, type ReportContext, type SourceRange } from './context';
import { sumOf } from './formulas';
import { publishedStamp } from './quarter';
import { summaryText } from './readiness';
import { TableNames } from './table-names';

/** Register findings listed by name in the footnote; the rest are counted and left to the Findings sheet. */
const MAX_LISTED_FINDINGS = 10;

interface RegisterSheetOptions {
  /** The check's findings: register findings on the records' sheets are named in a footnote. */
  readonly findings?: readonly Finding[];
  /** The check's tables: the register tables' ranges go into the source line. */
  readonly tables?: readonly Table[];
}

/** "Green", "G", "amber " → "green", "amber"; anything else as written, so nothing is lost. */
export function ragWord(text: string | undefined): string {
  if (text === undefined) return '';
  const t = text.trim().toLowerCase();
  if (t === 'green' || t === 'g') return 'green';
  if (t === 'amber' || t === 'a') return 'amber';
  if (t === 'red' || t === 'r') return 'red';
  return text;
}

function compareText(a: string | undefined, b: string | undefined): number {
  // Records missing a field sort after those that have it.
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a.localeCompare(b, 'en-GB', { sensitivity: 'base', numeric: true });
}

/** By type, then recipient, then title; the reference settles ties so the order never depends on input order. */
export function sortRecords(records: readonly RegisterRecord[]): RegisterRecord[] {
  return [...records].sort(
    (a, b) =>
      compareText(a.type, b.type) ||
      compareText(a.recipient, b.recipient) ||
      compareText(a.title, b.title) ||
      compareText(a.id, b.id) ||
      compareText(a.sheet, b.sheet) ||
      a.row - b.row,
  );
}

function columnsFor(records: readonly RegisterRecord[]): SpecColumn[] {
  const columns: SpecColumn[] = [
    { key: 'ref', header: 'Ref', type: 'text', minWidth: 10 },
    { key: 'title', header: 'Title', type: 'text', minWidth: 30 },
    { key: 'recipient', header: 'Recipient', type: 'text', minWidth: 24 },
    { key: 'type', header: 'Type', type: 'text', minWidth: 8 },
    { key: 'amount', header: 'Amount', type: 'money', minWidth: 12 },
    { key: 'awardDate', header: 'Award date', type: 'date', minWidth: 11 },
    { key: 'startDate', header: 'Start date', type: 'date', minWidth: 11 },
    { key: 'endDate', header: 'End date', type: 'date', minWidth: 11 },
    { key: 'funder', header: 'Funder', type: 'text', minWidth: 20 },
    { key: 'priorityArea', header: 'Priority area', type: 'text', minWidth: 20 },
    { key: 'fundingStream', header: 'Funding stream', type: 'text', minWidth: 16 },
  ];
  if (records.some((r) => r.borough !== undefined)) columns.push({ key: 'borough', header: 'Borough', type: 'text', minWidth: 14 });
  columns.push(
    { key: 'procurementRoute', header: 'Procurement route', type: 'text', minWidth: 18 },
    { key: 'status', header: 'Status', type: 'text', minWidth: 9 },
    { key: 'performance', header: 'Performance (RAG)', type: 'rag', minWidth: 10 },
    { key: 'outcomes', header: 'Outcomes', type: 'text', minWidth: 30 },
  );
  return columns;
}

function recordRow(r: RegisterRecord, withBorough: boolean): SpecRow {
  return {
    cells: {
      ref: r.id ?? null,
      title: r.title ?? null,
      recipient: r.recipient ?? null,
      type: r.type ?? null,
      amount: r.amount ?? null,
      awardDate: r.awardDate ?? null,
      startDate: r.startDate ?? null,
      endDate: r.endDate ?? null,
      funder: r.funder ?? null,
      priorityArea: r.priorityArea ?? null,
      fundingStream: r.fundingStream ?? null,
      ...(withBorough ? { borough: r.borough ?? null } : {}),
      procurementRoute: r.procurementRoute ?? null,
      status: r.status ?? null,
      performance: ragWord(r.rag),
      outcomes: r.outcomes ?? null,
    },
  };
}

/** Pounds to the penny where any amount has pence, whole pounds otherwise. */
function poundDecimals(records: readonly RegisterRecord[]): number {
  return records.some((r) => r.amount !== undefined && !r.amount.isInteger()) ? 2 : 0;
}

interface TypeTotal {
  readonly type: string;
  readonly records: number;
  /** Sum of the amounts the records state. */
  readonly amount: Money;
  /** Records of this type with no amount. */
  readonly withoutAmount: number;
}

const UNTYPED = '(type not given)';

/** Records and amounts by type, types in the register's sort order. */
export function totalsByType(records: readonly RegisterRecord[]): TypeTotal[] {
  const byType = new Map<string, { records: number; amount: Money; withoutAmount: number }>();
  for (const r of sortRecords(records)) {
    const type = r.type ?? UNTYPED;
    const t = byType.get(type) ?? { records: 0, amount: ZERO, withoutAmount: 0 };
    t.records++;
    if (r.amount) t.amount = t.amount.plus(r.amount);
    else t.withoutAmount++;
    byType.set(type, t);
  }
  return [...byType].map(([type, t]) => ({ type, ...t }));
}

/** The block of cells the records were read from, per sheet, when the tables are not at hand. */
function recordRanges(records: readonly RegisterRecord[]): SourceRange[] {
  const bounds = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  for (const r of records) {
    for (const address of Object.values(r.cells)) {
      const cell = address === undefined ? undefined : parseA1(address);
      if (!cell) continue;
      const b = bounds.get(r.sheet) ?? { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col };
      bounds.set(r.sheet, {
        top: Math.min(b.top, cell.row),
        left: Math.min(b.left, cell.col),
        bottom: Math.max(b.bottom, cell.row),
        right: Math.max(b.right, cell.col),
      });
    }
  }
  return [...bounds].map(([sheet, b]) => ({ sheet, range: `${toA1(b.top, b.left)}:${toA1(b.bottom, b.right)}` }));
}

export function registerSources(records: readonly RegisterRecord[], tables: readonly Table[] | undefined): SourceRange[] {
  const sheets = new Set(records.map((r) => r.sheet));
  const fromTables = (tables ?? []).filter((t) => t.kind === 'register' && sheets.has(t.sheet)).map((t) => ({ sheet: t.sheet, range: rangeToA1(t.range) }));
  return fromTables.length > 0 ? fromTables : recordRanges(records);
}

/** Findings of the register rules on the sheets the records come from. */
export function registerFindings(findings: readonly Finding[], records: readonly RegisterRecord[]): Finding[] {
  const sheets = new Set(records.map((r) => r.sheet));
  return findings.filter((f) => f.rule.startsWith('register-') && sheets.has(f.sheet));
}

function findingsNote(found: readonly Finding[]): string {
  if (found.length === 0) return 'Register checks: no findings (every record has its required fields, consistent dates and a unique reference).';
  const summary = summaryText({
    errors: found.filter((f) => f.severity === 'error').length,
    warnings: found.filter((f) => f.severity === 'warning').length,
    info: found.filter((f) => f.severity === 'info').length,
  });
  const verdict = found.some((f) => f.severity === 'error') ? 'errors mean it is not ready to publish' : 'no errors, so it may be published';
  const listed = found.slice(0, MAX_LISTED_FINDINGS).map((f) => `${f.sheet}!${f.cell} ${f.message}`);
  const more = found.length > MAX_LISTED_FINDINGS ? ` And ${found.length - MAX_LISTED_FINDINGS} more on the Findings sheet.` : '';
  return `Register checks: ${summary}; ${verdict}. ${listed.join(' ')}${more}`;
}

function byTypeTable(records: readonly RegisterRecord[], name: string, decimals: number, source: string): TableSpec {
  const totals = totalsByType(records);
  const rows: SpecRow[] = totals.map((t) => ({ cells: { type: t.type, records: t.records, amount: t.amount } }));
  const withoutAmount = totals.reduce((n, t) => n + t.withoutAmount, 0);
  return {
    name,
    title: 'Register totals by type',
    unitNote: '£. Negative figures in brackets.',
    unit: '£',
    decimals,
    columns: [
      { key: 'type', header: 'Type', type: 'text', minWidth: 12 },
      { key: 'records', header: 'Records', type: 'integer', minWidth: 8 },
      { key: 'amount', header: 'Total amount', type: 'money', minWidth: 14 },
    ],
    rows,
    totals: [{ cells: { type: 'Total', records: sumOf(rows, 'records', 'body'), amount: sumOf(rows, 'amount', 'body') }, style: 'total' }],
    conditionalFormats: [],
    footnotes: withoutAmount > 0 ? [`${plural(withoutAmount, 'record')} without an amount: counted, but adding nothing to the totals.`] : [],
    source,
  };
}

export function buildRegisterSheet(records: readonly RegisterRecord[], context: ReportContext, options: RegisterSheetOptions = {}): SheetSpec {
  const names = new TableNames();
  const sorted = sortRecords(records);
  const withBorough = records.some((r) => r.borough !== undefined);
  const decimals = poundDecimals(records);
  const body = sorted.map((r) => recordRow(r, withBorough));
  const source = sourceLine(registerSources(records, options.tables), context);
  const found = options.findings ? registerFindings(options.findings, records) : undefined;
  const footnotes = [
    'One row per contract or grant, sorted by type, then recipient, then title. Performance is the latest RAG rating; outcomes are those the contract or grant is monitored against.',
  ];
  if (found) footnotes.push(findingsNote(found));

  const register: TableSpec = {
    name: names.name('Register'),
    title: 'Contracts and Grants Register',
    unitNote: '£. Negative figures in brackets.',
    unit: '£',
    decimals,
    columns: columnsFor(records),
    rows: body,
    totals: [{ cells: { ref: 'Total', title: plural(records.length, 'record'), amount: sumOf(body, 'amount', 'body') }, style: 'total' }],
    conditionalFormats: [{ kind: 'rag', column: 'performance' }],
    footnotes,
    source,
  };

  const paragraphs: SpecParagraph[] = [
    { text: publishedStamp(context.today, context.model.fiscalYearStartMonth), emphasis: 'strong' },
    { text: `${organisationPrefix(context, records)}${plural(records.length, 'contract or grant', 'contracts and grants')}.` },
  ];
  const errors = found?.filter((f) => f.severity === 'error').length ?? 0;
  if (errors > 0) paragraphs.push({ text: `Not ready to publish: ${plural(errors, 'register error')} open.`, emphasis: 'warning' });
  return { name: 'Register', paragraphs, tables: [register, byTypeTable(records, names.name('Register', 'By', 'Type'), decimals, source)] };
}

/**
 * "Trafford Council: " where the organisation is known: the model's (or --organisation), else the one
 * funder every record of the register names; nothing where neither says.
 */
function organisationPrefix(context: ReportContext, records: readonly RegisterRecord[]): string {
  const named = context.model.organisation.name.trim();
  if (named !== '') return `${named}: `;
  const funders = new Set(records.map((r) => r.funder?.trim() ?? ''));
  const [only] = funders;
  return funders.size === 1 && only !== '' ? `${only}: ` : '';
}
