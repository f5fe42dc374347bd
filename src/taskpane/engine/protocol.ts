/**
 * The calls the pane makes to the engine, which runs in a Web Worker so a large workbook never blocks
 * the pane. Each call names its arguments and result; money in results is exact (decimal.js) once the
 * client has decoded it.
 */
import type { Decision, DecisionTarget } from '../../checks/decisions';
import type { Finding, FindingDecision, FindingSummary, RuleId } from '../../checks/finding';
import type { Dimension, Rollup } from '../../analysis/types';
import type { CommissioningModel, ModelInEffect } from '../../model/types';
import type { ModelProposal } from '../../model/propose';
import type { Money } from '../../money/decimal';
import type { UnitId } from '../../money/units';
import type { SheetSpec } from '../../reports/spec';
import type { GeneratedSheetName } from '../../sheet/reserved-sheet-names';
import type { EncodedGrid } from './codec';
import type { RowInPlace } from './row-in-place';

/** A workbook for the engine: an .xlsx file's bytes (outside Excel) or grids read through office.js. */
export type WorkbookInput =
  | { readonly kind: 'bytes'; readonly label: string; readonly fileName: string; readonly bytes: Uint8Array }
  | { readonly kind: 'grids'; readonly label: string; readonly sheets: readonly EncodedGrid[] };

export interface LoadedWorkbook {
  readonly label: string;
  readonly sheets: readonly string[];
  /** The workbook's own Model sheet: its model, or why it cannot be used; null when there is none. */
  readonly modelSheet: { readonly sheet: string; readonly model: CommissioningModel } | { readonly sheet: string; readonly problem: string } | null;
  /** Whether the default model describes the workbook (app/model-in-effect.ts), and why not. */
  readonly defaultModel: { readonly applies: true } | { readonly applies: false; readonly reason: string };
}

export type ModelOrigin = ModelInEffect['origin'];

/** The model a call works with (the pane's settings already laid over it), and where it came from. */
export interface ModelArgs {
  readonly model: CommissioningModel;
  readonly origin: ModelOrigin;
}

/** The whole workbook, or one sheet of it. */
interface ScopeArgs {
  readonly sheet?: string;
}

export interface TableSummary {
  readonly sheet: string;
  readonly range: string;
  readonly title?: string;
  readonly unit: UnitId;
  readonly kind: string;
  /** How the table was read, as `commissioning tables` prints it: shown beside a finding in it. */
  readonly structure?: readonly string[];
}

export interface CheckView {
  readonly tables: readonly TableSummary[];
  readonly findings: readonly Finding[];
  readonly summary: FindingSummary;
  /** Sheets checked, in tab order. */
  readonly sheets: readonly string[];
  readonly rules: readonly RuleId[];
  /** What the check covered (tables read, totals checked, regions not understood), in plain English. */
  readonly coverage?: readonly string[];
  /** Reviewers' decisions laid over the findings (decided findings carry `decision`). */
  readonly decisions?: DecisionsView;
}

/** Decisions on findings as the pane shows them (app/decisions.ts). */
interface DecisionsView {
  /** Decisions kept: on the hidden decisions sheet in Excel; outside Excel, in the pane and the file once downloaded. */
  readonly count: number;
  /** Decisions that match no finding of the sheets checked: a figure changed, or the finding went. */
  readonly unmatched: readonly Decision[];
  /** What in the workbook's decisions sheet could not be read. */
  readonly problems: readonly string[];
  /** Outside Excel: decisions changed since the file was opened or last downloaded, so not in any file yet. */
  readonly unsaved: boolean;
}

/** A decision made (or removed, null) on one finding, and the check to show after it. */
export interface DecideArgs extends ModelArgs, ScopeArgs {
  readonly target: DecisionTarget;
  readonly decision: FindingDecision | null;
}

export interface Decided {
  readonly view: CheckView;
  /** The decisions sheet as it now should be: what Excel writes (outside Excel it is written on download). */
  readonly sheet: SheetSpec;
}

/** A check after "Check changed sheets": the merged view, and the sheets whose findings were replaced. */
export interface RecheckView extends CheckView {
  readonly rechecked: readonly string[];
}

/** A rollup, and the workbook's own columns of names it could also be grouped by. */
export interface RollupView extends Rollup {
  readonly columns: readonly string[];
}

interface RegisterRow {
  readonly sheet: string;
  readonly row: number;
  readonly ref?: string;
  readonly title?: string;
  readonly recipient?: string;
  readonly type?: string;
  readonly amount?: Money;
  readonly awardDate?: Date;
  readonly rag?: string;
  /** The record's first cell, for navigation. */
  readonly cell?: string | undefined;
}

export interface RegisterView {
  readonly records: readonly RegisterRow[];
  readonly byType: readonly { readonly type: string; readonly records: number; readonly amount: Money; readonly withoutAmount: number }[];
  /** Findings of the register rules on the register's sheets. */
  readonly findings: readonly Finding[];
  readonly total: Money;
}

/** Panel report tables the user left out (by table name); the readiness line always comes first. */
interface PanelChoice {
  readonly excludeTables: readonly string[];
}

interface PanelTable {
  /** The Excel table name, unique on the sheet: "CW_PanelSpend_ByPriorityArea". */
  readonly name: string;
  readonly title: string;
  readonly rows: number;
}

export interface PanelView {
  /** "3 errors open: not ready for the panel" or "No errors open". */
  readonly readiness: { readonly text: string; readonly ready: boolean };
  readonly summary: FindingSummary;
  /** The report's notes after the readiness line (what the workbook lacks, for example). */
  readonly notes: readonly string[];
  readonly tables: readonly PanelTable[];
}

export interface ReportArgs extends ModelArgs, ScopeArgs {
  readonly which: readonly GeneratedSheetName[];
  readonly by: readonly Dimension[];
  readonly today: Date;
  readonly panel?: PanelChoice;
}

interface Giving360Args extends ModelArgs {
  readonly prefix: string;
  readonly funderId?: string;
  readonly format: 'json' | 'csv';
  readonly today: Date;
}

export interface Giving360Result {
  readonly fileName: string;
  readonly mimeType: string;
  readonly text: string;
  readonly grants: number;
  /** "£12,345,678", the exact total published. */
  readonly total: string;
  readonly skipped: readonly { readonly ref: string; readonly reason: string; readonly where?: string }[];
  /** Recipients published under an internal id: each needs a real org-id. */
  readonly internalOrganisations: readonly string[];
  readonly funderIdProblem?: string;
  readonly registerErrors: number;
}

export interface FileResult {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Sheets written (generated sheets replaced or added). */
  readonly sheets: readonly string[];
}

/** Every call: its arguments and its result. */
interface EngineCalls {
  load: { args: WorkbookInput; result: LoadedWorkbook };
  check: { args: ModelArgs & ScopeArgs; result: CheckView };
  /** By the dimensions given, or (none given) by priority area where a model applies, else the workbook's first column of names. */
  rollup: { args: ModelArgs & { readonly by: readonly Dimension[] }; result: RollupView };
  register: { args: ModelArgs; result: RegisterView };
  panel: { args: ModelArgs; result: PanelView };
  reportSheets: { args: ReportArgs; result: SheetSpec[] };
  /** Outside Excel: the workbook with the generated sheets written into it, as a new .xlsx. */
  reportFile: { args: ReportArgs; result: FileResult };
  giving360: { args: Giving360Args; result: Giving360Result };
  /** "Go to" outside Excel: the row holding a finding's cell, as the check (of `sheet`, or the whole workbook) read it; null when no table holds it. */
  rowAt: { args: ModelArgs & ScopeArgs & { readonly at: { readonly sheet: string; readonly cell: string } }; result: RowInPlace | null };
  /** Checks again the sheets changed since `previous` was made (and those whose formulas use them), keeping the other sheets' findings (recheck.ts). */
  recheck: { args: ModelArgs & { readonly changed: readonly string[]; readonly previous: CheckView }; result: RecheckView };
  /** Records a decision on a finding (kept by the engine, without checking again) and re-applies the decisions to the last check. */
  decide: { args: DecideArgs; result: Decided };
  /** Outside Excel: the workbook with the decisions sheet written into it, as a new .xlsx. */
  decisionsFile: { args: { readonly today: Date }; result: FileResult };
  /** Outside Excel: the workbook with a Model sheet added. */
  modelSheetFile: { args: { readonly model: CommissioningModel }; result: FileResult };
  /** Outside Excel: the workbook with an empty budget template (and its lists) added. */
  budgetTemplateFile: { args: { readonly model: CommissioningModel }; result: FileResult };
  /** A model proposed from the workbook's name columns, years and totals (model/propose.ts), to keep as a Model sheet or a file. */
  proposeModel: { args: { readonly organisation?: string }; result: ModelProposal };
}

export type EngineCall = keyof EngineCalls;
export type ArgsOf<K extends EngineCall> = EngineCalls[K]['args'];
export type ResultOf<K extends EngineCall> = EngineCalls[K]['result'];

export interface Progress {
  /** What the engine is doing, for the status line: "Reading the workbook". */
  readonly stage: string;
  /** 0 to 1 when known. */
  readonly fraction?: number;
}

/** Messages between the pane and the worker. */
export type ToWorker = { readonly id: number; readonly call: EngineCall; readonly args: unknown };
export type FromWorker =
  | { readonly id: number; readonly kind: 'progress'; readonly progress: Progress }
  | { readonly id: number; readonly kind: 'result'; readonly result: unknown }
  | { readonly id: number; readonly kind: 'error'; readonly error: EngineErrorData };

export interface EngineErrorData {
  /** The error's class name: UnreadableWorkbookError, ModelError, NotOurSheetError, ... */
  readonly name: string;
  readonly message: string;
  readonly problems?: readonly string[];
}
