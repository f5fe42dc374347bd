/**
 * A model proposed from a workbook: how an organisation other than the default model's adopts the
 * product. Its lists come from the workbook's name columns, its years from year columns and headers,
 * its figures from the totals of its money tables, each quoting the cell it came from; everything else
 * is the product's defaults (the neutral model), so nothing of the default model's organisation leaks
 * in. The organisation is only ever the one the user names: a workbook's title is not a reliable name.
 * Pure: the caller reads the workbook's tables (with the neutral model) and writes the result.
 */
import type { Grid, GridWorkbook } from '../sheet/grid';
import { findSheet } from '../sheet/grid';
import { quoteSheetName, toA1 } from '../sheet/a1';
import type { Table } from '../sheet/tables/types';
import { neutralModel } from './neutral';
import { MODEL_SHEET_NAME } from '../sheet/reserved-sheet-names';
import { validateModel } from './validate';
import { assignCodes } from './propose-codes';
import { figuresOfTable, fiscalYearIn, type FigureDraft } from './propose-figures';
import { LIST_KEYS, collectNames, namesNotes, type NamesFound } from './propose-collect';
import { programmeLinks, type ListKey } from './propose-names';
import { organisationOf, registerFunder } from './propose-organisation';
import { figureNotes, settleFigures } from './propose-settle';
import { pounds } from './propose-words';
import type { CommissioningModel, NamedEntry, PriorityArea, Programme, SourceNote, YearFigure } from './types';

// The placeholder is part of a proposal's contract: callers check a proposal's organisation against it.

interface ProposeOptions {
  /** The organisation's name, as the user gives it; without it the model holds a placeholder to edit. */
  readonly organisation?: string;
  /** The workbook's file name, quoted as the source of every name and figure ("workbook" when unknown). */
  readonly document?: string;
}

export interface ModelProposal {
  /** A valid model (validateModel passes), to edit and keep as a Model sheet or a JSON file. */
  readonly model: CommissioningModel;
  /** What was taken from where, what was left out and why, and what the user must still edit. */
  readonly notes: string[];
}

export function proposeModel(workbook: GridWorkbook, tables: readonly Table[], options: ProposeOptions = {}): ModelProposal {
  const document = options.document?.trim() || 'workbook';
  const grids = new Map(workbook.sheets.map((g) => [g.name, g]));
  const notes: string[] = [];
  const organisation = organisationOf(options.organisation, registerFunder(tables, grids), notes);
  const found = collectNames(tables, grids);
  const { drafts, withoutYear } = figureDrafts(tables, grids, found, document);
  const settled = settleFigures(drafts);
  const calendarYears = new Set<number>();
  const years = yearsOf(tables, grids, calendarYears);
  for (const f of drafts) years.add(f.year);
  const model = validateModel({ ...modelLists(found, settled, document), organisation, years: [...years].sort() }, 'proposed model');

  notes.push(...namesNotes(found));
  if (calendarYears.size > 0) {
    const sorted = [...calendarYears].sort((a, b) => a - b);
    notes.push(
      `Calendar years (${sorted.length > 2 ? `${sorted[0]} to ${sorted[sorted.length - 1]}` : sorted.join(', ')}) are not in the model, which holds fiscal years such as 2019/20 only.`,
    );
  }
  notes.push(...figureNotes(model, withoutYear, settled.passed, (i) => found.lists.priorityAreas.entries[i].name));
  if (findSheet(workbook, MODEL_SHEET_NAME)) {
    notes.push(
      `The workbook already has a "${MODEL_SHEET_NAME}" sheet; this proposal does not use it. To keep the proposal there, rename or remove that sheet first.`,
    );
  }
  const s = neutralModel().settings;
  notes.push(
    `Settings are the product's defaults: variance ${s.varianceConvention === 'forecast-minus-budget' ? 'forecast − budget' : 'budget − forecast'}; RAG amber at ${s.rag.amberPct}% or ${pounds(s.rag.amberAbs)}, red at ${s.rag.redPct}% or ${pounds(s.rag.redAbs)}; figures shown in ${s.displayUnit}.`,
  );
  return { model, notes };
}

/** Every table's figure drafts, and how many totals gave none for want of a year. */
function figureDrafts(
  tables: readonly Table[],
  grids: ReadonlyMap<string, Grid>,
  found: NamesFound,
  document: string,
): { drafts: FigureDraft[]; withoutYear: number } {
  const { lists, lineEntries } = found;
  const drafts: FigureDraft[] = [];
  let withoutYear = 0;
  for (const table of tables) {
    const grid = grids.get(table.sheet);
    if (!grid) continue;
    const fromTable = figuresOfTable(table, grid, {
      document,
      areaOfLine: (t, row) => lineEntries.get(t)?.get('priorityAreas')?.get(row),
      areaNamed: (label) => {
        const name = withoutTotalWords(label);
        return name === '' ? undefined : lists.priorityAreas.find(name);
      },
      namesLines: (t) => (lineEntries.get(t)?.size ?? 0) > 0,
    });
    drafts.push(...fromTable.figures);
    withoutYear += fromTable.withoutYear;
  }
  return { drafts, withoutYear };
}

/** The model's lists and figures as proposed, with the neutral model's currency, units and settings. */
function modelLists(found: NamesFound, settled: ReturnType<typeof settleFigures>, document: string): Omit<CommissioningModel, 'organisation' | 'years'> {
  const { lists, lineEntries, boroughs } = found;
  const codes = Object.fromEntries(
    LIST_KEYS.map((k) => [
      k,
      assignCodes(
        lists[k].entries.map((e) => e.name),
        (i) => lists[k].keysOf(i),
      ),
    ]),
  ) as Record<ListKey, string[]>;
  const entry = (key: ListKey, i: number): NamedEntry => {
    const e = lists[key].entries[i];
    return {
      code: codes[key][i],
      name: e.name,
      aliases: [...e.aliases],
      source: { document, locator: `${quoteSheetName(e.first.sheet)}!${toA1(e.first.row, e.first.col)}` },
    };
  };
  const priorityAreas: PriorityArea[] = lists.priorityAreas.entries.map((_, i) => ({
    ...entry('priorityAreas', i),
    figures: [...(settled.areaFigures.get(i)?.values() ?? [])].sort((a, b) => a.year.localeCompare(b.year)).map(yearFigure),
  }));
  const links = programmeLinks(lineEntries);
  const programmes: Programme[] = lists.programmes.entries.map((_, i) => {
    const stream = links.fundingStreams.get(i);
    const area = links.priorityAreas.get(i);
    return {
      ...entry('programmes', i),
      ...(stream !== undefined ? { fundingStream: codes.fundingStreams[stream] } : {}),
      ...(area !== undefined ? { priorityArea: codes.priorityAreas[area] } : {}),
      figures: [],
    };
  });
  const neutral = neutralModel();
  return {
    schemaVersion: 1,
    currency: neutral.currency,
    defaultUnit: neutral.defaultUnit,
    fiscalYearStartMonth: neutral.fiscalYearStartMonth,
    priorityAreas,
    fundingStreams: lists.fundingStreams.entries.map((_, i) => entry('fundingStreams', i)),
    programmes,
    boroughs: boroughs.found(),
    commissioningModels: lists.commissioningModels.entries.map((_, i) => entry('commissioningModels', i)),
    totals: [...settled.totals.values()].sort((a, b) => a.year.localeCompare(b.year)).map(yearFigure),
    settings: neutral.settings,
  };
}

function yearFigure(draft: FigureDraft): YearFigure {
  const source: SourceNote = draft.source;
  return { year: draft.year, amount: draft.amount, source };
}

/** "Total Adult Social Care", "Adult Social Care total", "Sub-total: Housing" → the name they total. */
export function withoutTotalWords(label: string): string {
  return label
    .replace(/^\s*(grand\s+|sub-?\s*)?totals?\b\s*[:\-–—]?\s*((for|of)\b)?/i, '')
    .replace(/\s*[:\-–—]?\s*(sub-?\s*)?totals?\s*$/i, '')
    .trim();
}

// ---- years ----

/** Fiscal years the tables state: in year columns, column headers and titles. Calendar years are collected apart. */
function yearsOf(tables: readonly Table[], grids: ReadonlyMap<string, Grid>, calendar: Set<number>): Set<string> {
  const years = new Set<string>();
  for (const table of tables) {
    if (table.titleYear) years.add(table.titleYear.label);
    const grid = grids.get(table.sheet);
    for (const column of table.columns) {
      if (column.year) years.add(column.year.label);
      if (column.role !== 'year' || !grid) continue;
      for (const row of table.rows) {
        if (row.kind !== 'line') continue;
        const value = grid.value(row.row, column.col);
        const year = fiscalYearIn(value);
        if (year) years.add(year);
        else {
          const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
          if (/^(19|20)\d\d$/.test(text)) calendar.add(Number(text));
        }
      }
    }
  }
  return years;
}
