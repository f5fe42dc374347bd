/**
 * Figures against the model's stated figures for the same thing, only where a table is recognisably
 * that thing (DESIGN.md): rows that name a fund or one of its components, the total of a table whose
 * lines are all components of one fund, summaries that cover every priority area, section headlines
 * that name a priority area, and tables of total commissioning spend by year. Never on a guess: a
 * figure whose year cannot be read is not compared.
 */
import { appendAll } from '../../util/append';
import { toA1 } from '../../sheet/a1';
import type { Column, Section, Table, TableRow } from '../../sheet/tables/types';
import { Money } from '../../money/decimal';
import { parseFiscalYear } from '../../money/fiscal-year';
import type { UnitId } from '../../money/units';
import type { FundFigure, PriorityArea } from '../../model/types';
import { citeSource } from '../../model/documents';
import type { Finding } from '../finding';
import { type CheckContext } from '../context';
import { type ProgrammeName } from '../../model/model-names';
import { resolvePriorityArea, withoutParenthetical } from '../../model/model-names';
import { baseColumn, measureSets } from '../../budget/measures';
import { decimalsFor, inUnit, money } from '../present';
import { TermTotal, compareWithTotal, modelStep, type Term } from '../../money/tolerance';
import type { WorkbookRule } from './rule';
import type { Grid } from '../../sheet/grid';
import { comparisonData } from './comparison-data';
import { reconciliationMismatch } from './reconciliation.meta';
import { about, modelFigureSubject, type Subject } from '../related';

function modelTerm(amount: string): Term {
  const pounds = new Money(amount);
  return { pounds, step: modelStep(pounds) };
}

interface Stated {
  readonly table: Table;
  readonly cell: { row: number; col: number };
  readonly what: string;
  readonly year: string;
  readonly unit: UnitId;
  /** The figure, a single cell's or the total of the lines that make it. */
  readonly figure: Term | TermTotal;
  readonly lines: number;
  /** What the model's figure is for: findings elsewhere about the same thing and the same two figures are linked to this one. */
  readonly subject?: Subject;
}

/** The decimals the stated figure's column shows, where its number format says (a headline in a heading has none). */
function shownDecimalsOf(stated: Stated): { shownDecimals?: number } {
  const shown = stated.table.columns.find((c) => c.col === stated.cell.col)?.shownDecimals;
  return shown === undefined ? {} : { shownDecimals: shown };
}

function finding(stated: Stated, model: Term, source: string): Finding | undefined {
  const computed = stated.figure.pounds;
  const c = compareWithTotal(model, computed, stated.figure instanceof TermTotal ? stated.figure : TermTotal.of([stated.figure]));
  if (c.verdict === 'equal') return undefined;
  const d = decimalsFor({ unit: stated.unit, ...shownDecimalsOf(stated) }, model.pounds, computed, c.difference);
  const place = {
    sheet: stated.table.sheet,
    cell: toA1(stated.cell.row, stated.cell.col),
    severity: c.verdict === 'rounding' ? 'warning' : 'error',
    expected: inUnit(model.pounds, stated.unit),
    actual: inUnit(computed, stated.unit),
    unit: stated.unit,
    decimals: d,
  } as const;
  const figures = { figure: money(computed, stated.unit, d), model: money(model.pounds, stated.unit, d), ...comparisonData(c, stated.unit, d) };
  const data = { what: stated.what, year: stated.year, source, ...figures };
  if (stated.lines > 1) return about(reconciliationMismatch.report(place, 'lines', { ...data, lines: stated.lines }), stated.subject);
  return about(reconciliationMismatch.report(place, 'figure', data), stated.subject);
}

/** The year a column's figures are for: its header's year, else the row's Year cell, else the title's. */
function yearOf(table: Table, col: Column, row: TableRow | undefined, grid: Grid): string | undefined {
  if (col.year) return col.year.label;
  const yearCol = yearColumnOf(table);
  if (yearCol && row) {
    const label = yearLabel(grid.value(row.row, yearCol.col));
    if (label) return label;
  }
  return table.titleYear?.label;
}

const yearColumns = new WeakMap<Table, Column | null>();

function yearColumnOf(table: Table): Column | undefined {
  let col = yearColumns.get(table);
  if (col === undefined) yearColumns.set(table, (col = table.columns.find((c) => c.role === 'year') ?? null));
  return col ?? undefined;
}

const yearLabels = new Map<string | number, string | undefined>();

/** Year cells repeat a handful of values over many lines: parse each distinct one once. */
function yearLabel(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  if (yearLabels.has(value)) return yearLabels.get(value);
  const parsed = parseFiscalYear(value);
  const label = parsed.kind === 'year' ? parsed.year.label : undefined;
  if (yearLabels.size < 1000) yearLabels.set(value, label);
  return label;
}

function singleYearFigure(figures: readonly FundFigure[], year: string): FundFigure | undefined {
  return figures.find((f) => f.year === year);
}

export const reconciliationRules: WorkbookRule = (ctx) => {
  const findings: Finding[] = [];
  for (const table of ctx.tables) {
    if (table.kind !== 'budget') continue;
    const grid = ctx.grids.get(table.sheet);
    if (!grid) continue;
    appendAll(findings, fundFigures(table, grid, ctx));
    appendAll(findings, priorityAreaFigures(table, grid, ctx));
    appendAll(findings, yearTotals(table, grid, ctx));
  }
  return findings;
};

function onlyBaseColumns(table: Table): Column[] {
  const sets = measureSets(table);
  // Tables split by funder ("Home Office" / "MOPAC") hold parts of a figure, not the figure.
  if (sets.some((s) => baseColumn(s)?.group !== undefined)) return [];
  return sets.map(baseColumn).filter((c): c is Column => c !== undefined);
}

function resolveProgramme(ctx: CheckContext, text: string): ProgrammeName | undefined {
  return ctx.names.programmes.resolve(text) ?? ctx.names.programmes.resolve(withoutParenthetical(text));
}

function fundFigures(table: Table, grid: Grid, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const bases = onlyBaseColumns(table);
  if (bases.length === 0) return findings;
  const lines = table.rows.filter((r) => r.kind === 'line');
  const labelColumn = table.columns.find((c) => c.col === lines[0]?.labelCol);
  const headerName = labelColumn ? resolveProgramme(ctx, labelColumn.header) : undefined;
  const commonProgramme = commonFund(lines, ctx);

  for (const col of bases) {
    for (const row of table.rows) {
      if (row.kind !== 'line' && row.kind !== 'total') continue;
      const a = row.amounts.get(col.col);
      if (a?.kind !== 'amount') continue;
      let name: ProgrammeName | undefined;
      if (row.kind === 'line') {
        // A line is a fund's component only in a table that is recognisably that fund.
        const fund = commonProgramme ?? headerName?.programme;
        const candidate = fund && row.label ? resolveProgramme(ctx, row.label) : undefined;
        name = candidate && candidate.programme === fund ? candidate : undefined;
      } else {
        const rest = row.label.replace(/^(grand\s+)?totals?\b\s*/i, '').trim();
        name = (rest ? resolveProgramme(ctx, rest) : undefined) ?? headerName;
        if (!name && commonProgramme) name = { name: commonProgramme.name, aliases: [], programme: commonProgramme };
      }
      if (!name) continue;
      const year = yearOf(table, col, row, grid);
      if (!year) continue;
      const figure = singleYearFigure(name.programme.figures, year);
      if (!figure) continue;
      const component = name.component ? figure.components.find((c) => c.name === name?.component?.name) : undefined;
      if (name.component && !component) continue;
      const modelAmount = component ? component.amount : figure.total;
      const source = component ? component.source : figure.source;
      const f = finding(
        {
          table,
          cell: { row: row.row, col: col.col },
          what: component ? `${component.name} (${name.programme.name})` : name.programme.name,
          year,
          unit: col.unit,
          figure: a,
          lines: 1,
          subject: modelFigureSubject('programme', component ? `${name.programme.name}\u0000${component.name}` : name.programme.name, year),
        },
        modelTerm(modelAmount),
        citeSource(ctx.model, source),
      );
      if (f) findings.push(f);
    }
  }
  return findings;
}

/** The fund every line is a component of, when there is one: then the table's total is that fund's total. */
function commonFund(lines: readonly TableRow[], ctx: CheckContext): ProgrammeName['programme'] | undefined {
  if (lines.length < 2) return undefined;
  let fund: ProgrammeName['programme'] | undefined;
  for (const line of lines) {
    const name = line.label ? resolveProgramme(ctx, line.label) : undefined;
    if (!name?.component || (fund && name.programme !== fund)) return undefined;
    fund = name.programme;
  }
  return fund;
}

/** Reads each line's priority area: from its priority-area column, else its label. Names repeat, so each is resolved once. */
function priorityAreaReader(table: Table, grid: Grid, ctx: CheckContext): (row: TableRow) => PriorityArea | undefined {
  const paCol = table.columns.find((c) => c.role === 'priority-area');
  const byText = new Map<string, PriorityArea | undefined>();
  const resolve = (text: string): PriorityArea | undefined => {
    if (byText.has(text)) return byText.get(text);
    const area = resolvePriorityArea(ctx.names, text);
    byText.set(text, area);
    return area;
  };
  return (row) => {
    if (!paCol) return row.label ? resolve(row.label) : undefined;
    const v = grid.value(row.row, paCol.col);
    return typeof v === 'string' ? resolve(v) : undefined;
  };
}

function priorityAreaFigures(table: Table, grid: Grid, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  for (const col of onlyBaseColumns(table)) {
    appendAll(findings, sectionHeadlineFigures(table, ctx, col));
    appendAll(findings, areaSummaryFigures(table, grid, ctx, col));
  }
  return findings;
}

/**
 * The priority area and year a section's headline states a figure for, read as this rule compares it: a
 * base column (budget or amount) of a table not split by funder, a section named for the area, the column's
 * or the title's year. Undefined where any of that cannot be read.
 */
function sectionHeadlineArea(table: Table, section: Section, col: Column, ctx: CheckContext): { area: PriorityArea; year: string } | undefined {
  const area = resolvePriorityArea(ctx.names, section.name);
  const year = col.year?.label ?? table.titleYear?.label;
  return area && year ? { area, year } : undefined;
}

/** What a section's headline in column `col` states, where it states a priority area's figure: for linking the headline's other findings. */
export function sectionHeadlineSubject(table: Table, section: Section, col: number, ctx: CheckContext): Subject | undefined {
  if (table.kind !== 'budget') return undefined;
  const base = onlyBaseColumns(table).find((c) => c.col === col);
  const named = base && sectionHeadlineArea(table, section, base, ctx);
  return named && modelFigureSubject('priority-area', named.area.code, named.year);
}

/** Section headlines that name a priority area, against the model's figure for the area. */
function sectionHeadlineFigures(table: Table, ctx: CheckContext, col: Column): Finding[] {
  const findings: Finding[] = [];
  for (const section of table.sections) {
    const headline = section.headlines.find((h) => h.col === col.col);
    const named = headline && sectionHeadlineArea(table, section, col, ctx);
    if (!headline || !named) continue;
    const { area, year } = named;
    const stated = area.figures.find((f) => f.year === year);
    if (!stated) continue;
    const subject = modelFigureSubject('priority-area', area.code, year);
    const f = finding(
      { table, cell: headline.cell, what: area.name, year, unit: col.unit, figure: headline, lines: 1, subject },
      modelTerm(stated.amount),
      citeSource(ctx.model, stated.source),
    );
    if (f) findings.push(f);
  }
  return findings;
}

/** One priority area's lines for one year, and the first of them (where its finding is reported). */
interface AreaYear {
  readonly area: PriorityArea;
  readonly year: string;
  readonly total: TermTotal;
  readonly first: TableRow;
}

/** A column's figures by priority area and year, in the order first seen; undefined when any line's area or year cannot be read. */
function figuresByAreaAndYear(table: Table, grid: Grid, ctx: CheckContext, col: Column, lines: readonly TableRow[]): AreaYear[] | undefined {
  // Found by area then year (no key string per line), kept in the order first seen.
  const groupsByArea = new Map<PriorityArea, Map<string, AreaYear>>();
  const groups: AreaYear[] = [];
  const areaOf = priorityAreaReader(table, grid, ctx);
  for (const line of lines) {
    const area = areaOf(line);
    const year = yearOf(table, col, line, grid);
    if (!area || !year) return undefined;
    const a = line.amounts.get(col.col);
    if (a?.kind !== 'amount') continue;
    let byYear = groupsByArea.get(area);
    if (!byYear) groupsByArea.set(area, (byYear = new Map<string, AreaYear>()));
    let group = byYear.get(year);
    if (!group) {
      group = { area, year, total: new TermTotal(), first: line };
      byYear.set(year, group);
      groups.push(group);
    }
    group.total.add(a);
  }
  return groups;
}

/** Summaries whose lines cover every priority area: each area's lines against the area's figure, and all lines against the year's total. */
function areaSummaryFigures(table: Table, grid: Grid, ctx: CheckContext, col: Column): Finding[] {
  const lines = table.rows.filter((r) => r.kind === 'line');
  const groups = lines.length === 0 ? undefined : figuresByAreaAndYear(table, grid, ctx, col, lines);
  if (!groups || new Set(groups.map((g) => g.area.code)).size < ctx.model.priorityAreas.length) return [];
  const findings: Finding[] = [];
  const yearTotals = new Map<string, TermTotal>();
  for (const group of groups) {
    let yearTotal = yearTotals.get(group.year);
    if (!yearTotal) yearTotals.set(group.year, (yearTotal = new TermTotal()));
    yearTotal.merge(group.total);
    const stated = group.area.figures.find((f) => f.year === group.year);
    if (!stated) continue;
    const what = group.total.count > 1 ? `Lines for ${group.area.name}` : group.area.name;
    const figure: Stated = {
      table,
      cell: { row: group.first.row, col: col.col },
      what,
      year: group.year,
      unit: col.unit,
      figure: group.total,
      lines: group.total.count,
      subject: modelFigureSubject('priority-area', group.area.code, group.year),
    };
    const f = finding(figure, modelTerm(stated.amount), citeSource(ctx.model, stated.source));
    if (f) findings.push(f);
  }
  const totalRow = table.rows.find((r) => r.kind === 'total' && r.sums?.length === lines.length);
  for (const [year, total] of yearTotals) {
    const stated = ctx.model.totals.find((t) => t.year === year);
    if (!stated) continue;
    const totalCell = totalRow?.amounts.get(col.col);
    // A single year's summary is compared at its total row where it has one; otherwise its lines' sum, at the header.
    const atHeader = { row: table.headerRows[table.headerRows.length - 1], col: col.col };
    const subject = modelFigureSubject('total-spend', '', year);
    const figure: Stated =
      totalCell?.kind === 'amount' && yearTotals.size === 1
        ? { table, cell: { row: totalCell.row, col: col.col }, what: 'Total commissioning spend', year, unit: col.unit, figure: totalCell, lines: 1, subject }
        : { table, cell: atHeader, what: 'All lines (total commissioning spend)', year, unit: col.unit, figure: total, lines: total.count, subject };
    const f = finding(figure, modelTerm(stated.amount), citeSource(ctx.model, stated.source));
    if (f) findings.push(f);
  }
  return findings;
}

/** A table of total commissioning spend by year, recognised by its title or its label column. */
function yearTotals(table: Table, grid: Grid, ctx: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const about = `${table.title ?? ''} ${table.columns.map((c) => c.header).join(' ')}`;
  if (!/commissioning (spend|expenditure)|total commissioning/i.test(about)) return findings;
  const yearCol = table.columns.find((c) => c.role === 'year');
  if (!yearCol) return findings;
  for (const col of onlyBaseColumns(table)) {
    for (const row of table.rows) {
      if (row.kind !== 'line') continue;
      const year = yearOf(table, col, row, grid);
      const a = row.amounts.get(col.col);
      if (!year || a?.kind !== 'amount') continue;
      const stated = ctx.model.totals.find((t) => t.year === year);
      if (!stated) continue;
      const f = finding(
        {
          table,
          cell: { row: row.row, col: col.col },
          what: 'Total commissioning spend',
          year,
          unit: col.unit,
          figure: a,
          lines: 1,
          subject: modelFigureSubject('total-spend', '', year),
        },
        modelTerm(stated.amount),
        citeSource(ctx.model, stated.source),
      );
      if (f) findings.push(f);
    }
  }
  return findings;
}
