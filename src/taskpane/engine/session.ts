/**
 * The engine behind the pane: one workbook at a time, checked, rolled up and written. It runs inside
 * the Web Worker (engine/worker.ts) or, where there are no workers (component tests), on the pane's
 * own thread; either way it never touches the DOM or office.js. It keeps the last check, so the pages
 * and the writes that follow a check reuse it instead of checking again.
 */
import { defaultVerdict, modelSheetOf } from '../../app/model-in-effect';
import { buildReport, registerOf, rollUp } from '../../app/report';
import { readWorkbookFile } from '../../app/read-workbook';
import { withDecisions, type DecidedCheck } from '../../app/decisions';
import { withDecision } from '../../checks/decisions';
import { readDecisions, type DecisionsRead } from '../../checks/decisions-sheet';
import { buildDecisionsSheet, decisionsTable, withDecisionsTable } from '../../reports/builders/decisions';
import { groupableColumns } from '../../analysis/dimensions';
import type { Dimension, Rollup } from '../../analysis/types';
import { RULE_IDS, summarise } from '../../checks/finding';
import { checkWorkbook, type CheckResult } from '../../checks/runner';
import { readWorkbookStructure } from '../../budget/tables';
import { writeModelSheet } from '../../model/model-sheet';
import { MODEL_SHEET_NAME } from '../../sheet/reserved-sheet-names';
import { neutralModel } from '../../model/neutral';
import { proposeModel, type ModelProposal } from '../../model/propose';
import type { CommissioningModel } from '../../model/types';
import { ModelError } from '../../model/validate';
import { ZERO } from '../../money/decimal';
import { describeModel } from '../../reports/report-sheets';
import { buildFindingsSheet } from '../../reports/builders/findings';
import { buildPanelReportSheet } from '../../reports/builders/panel-report';
import { readinessParagraph } from '../../reports/builders/readiness';
import { registerFindings, totalsByType } from '../../reports/builders/register';
import { describeTotal } from '../../reports/giving360/amount';
import { toGiving360 } from '../../reports/giving360/convert';
import { giving360Csv } from '../../reports/giving360/csv';
import { giving360Json, giving360Package } from '../../reports/giving360/package';
import { validateGiving360Package } from '../../reports/giving360/validate';
import type { RegisterRecord } from '../../reports/register-records';
import type { SheetSpec } from '../../reports/spec';
import { describeTable, renderTable } from '../../sheet/tables/describe';
import { coverageLines } from '../../checks/coverage';
import { rangeToA1 } from '../../sheet/a1';
import { findSheet, type Grid, type GridWorkbook } from '../../sheet/grid';
import { readXlsxFastAsync } from '../../workbook/xlsx/fast/read';
import { streamInflater } from '../../workbook/xlsx/fast/inflate-stream';
import { writeReport } from '../../workbook/xlsx/write';
import { decodeWorkbook } from './codec';
import { EngineUsageError } from './usage-error';
import { addBudgetTemplate, addGridSheet } from './xlsx-extras';
import { budgetTemplate } from '../budget-template';
import { mergeFindings, recheckScope } from './recheck';
import { rowInPlace, type RowInPlace } from './row-in-place';
import type { Table } from '../../sheet/tables/types';
import type {
  ArgsOf,
  CheckView,
  DecideArgs,
  Decided,
  EngineCall,
  FileResult,
  Giving360Result,
  LoadedWorkbook,
  ModelArgs,
  PanelView,
  Progress,
  RegisterView,
  RecheckView,
  ReportArgs,
  ResultOf,
  RollupView,
  TableSummary,
  WorkbookInput,
} from './protocol';

type ProgressSink = (progress: Progress) => void;

interface Checked {
  readonly key: string;
  readonly result: CheckResult;
}

export class EngineSession {
  private workbook: GridWorkbook | undefined;
  private label = 'the workbook';
  private fileName = 'workbook.xlsx';
  /** Outside Excel: the file as opened, then as last written (generated sheets accumulate). */
  private bytes: Uint8Array | undefined;
  private checked: Checked | undefined;
  /** Reviewers' decisions: read from the workbook on load, then as decided in the pane. */
  private decisions: DecisionsRead = { decisions: [], problems: [] };
  /** Outside Excel: decisions changed since the file was opened or last written, so not in the file yet. */
  private decisionsUnsaved = false;

  async handle<K extends EngineCall>(call: K, args: ArgsOf<K>, progress: ProgressSink): Promise<ResultOf<K>> {
    const handlers: { [C in EngineCall]: (a: ArgsOf<C>, p: ProgressSink) => Promise<ResultOf<C>> | ResultOf<C> } = {
      load: (a, p) => this.load(a, p),
      check: (a, p) => this.checkView(a, p),
      rollup: (a) => this.rollupView(a, a.by),
      register: (a) => this.registerView(a),
      panel: (a) => this.panelView(a),
      reportSheets: (a) => this.reportSheets(a),
      reportFile: (a, p) => this.reportFile(a, p),
      giving360: (a) => this.giving360(a),
      decide: (a) => this.decide(a),
      decisionsFile: (a) => this.decisionsFile(a.today),
      modelSheetFile: (a) => this.modelSheetFile(a.model),
      budgetTemplateFile: (a) => this.budgetTemplateFile(a.model),
      proposeModel: (a) => this.proposeModel(a.organisation),
      rowAt: (a) => this.rowAt(a),
      recheck: (a, p) => this.recheckView(a, p),
    };
    const handler = handlers[call] as (a: ArgsOf<K>, p: ProgressSink) => Promise<ResultOf<K>> | ResultOf<K>;
    if (!handler) throw new Error(`the engine has no call named "${String(call)}"`);
    return handler(args, progress);
  }

  async load(input: WorkbookInput, progress: ProgressSink): Promise<LoadedWorkbook> {
    progress({ stage: 'Reading the workbook', fraction: 0 });
    if (input.kind === 'bytes') {
      this.workbook = await readWorkbookBytes(input.bytes, input.label);
      this.bytes = input.bytes;
      this.fileName = input.fileName;
    } else {
      this.workbook = decodeWorkbook(input.sheets);
      this.bytes = undefined;
    }
    this.label = input.label;
    this.checked = undefined;
    this.decisions = readDecisions(this.workbook);
    this.decisionsUnsaved = false;
    progress({ stage: 'Reading the workbook', fraction: 1 });
    return {
      label: this.label,
      sheets: this.workbook.sheets.map((g) => g.name),
      modelSheet: readableModelSheet(this.workbook),
      defaultModel: defaultVerdict(this.workbook),
    };
  }

  private requireWorkbook(): GridWorkbook {
    if (!this.workbook) throw new EngineUsageError('No workbook is open yet: open a workbook (or try the sample) first.');
    return this.workbook;
  }

  private scoped(sheet: string | undefined): GridWorkbook {
    const workbook = this.requireWorkbook();
    if (sheet === undefined) return workbook;
    const grid = findSheet(workbook, sheet);
    if (!grid) throw new EngineUsageError(`There is no sheet named "${sheet}" in ${this.label}: choose another sheet, or check the whole workbook.`);
    return { sheets: [grid] };
  }

  /**
   * The check of the workbook (or one sheet) against the model, the cached one when nothing has changed,
   * with the decisions laid over it afresh (cheap), so a decision shows without checking again.
   */
  check(args: ModelArgs & { readonly sheet?: string; readonly today?: Date }, progress: ProgressSink = () => {}): DecidedCheck {
    const sheets = this.scoped(args.sheet).sheets.map((g) => g.name);
    return withDecisions(this.undecidedCheck(args, progress), this.decisions, sheets);
  }

  private undecidedCheck(args: ModelArgs & { readonly sheet?: string; readonly today?: Date }, progress: ProgressSink): CheckResult {
    const key = `${args.sheet ?? ''}\u0000${JSON.stringify(args.model)}`;
    if (this.checked?.key === key) return this.checked.result;
    const workbook = this.scoped(args.sheet);
    progress({ stage: `Checking ${workbook.sheets.length === 1 ? `“${workbook.sheets[0].name}”` : `${workbook.sheets.length} sheets`}`, fraction: 0.2 });
    const result = checkWorkbook(workbook, args.model, args.today ? { today: args.today } : {});
    this.checked = { key, result };
    return result;
  }

  private checkView(args: ModelArgs & { readonly sheet?: string }, progress: ProgressSink): CheckView {
    const result = this.check(args, progress);
    progress({ stage: 'Summarising the findings', fraction: 0.9 });
    const present = new Set(result.findings.map((f) => f.rule));
    return {
      tables: result.tables.map(tableSummary),
      findings: result.findings,
      summary: result.summary,
      sheets: this.scoped(args.sheet).sheets.map((g) => g.name),
      rules: RULE_IDS.filter((rule) => present.has(rule)),
      coverage: coverageLines(result.coverage, result.findings.length),
      decisions: {
        count: result.decisions.all.length,
        unmatched: result.decisions.unmatched,
        problems: result.decisions.problems,
        unsaved: this.decisionsUnsaved,
      },
    };
  }

  /** Records a decision (or removes one) and shows the last check with it: nothing is checked again. */
  private decide(args: DecideArgs): Decided {
    this.decisions = { ...this.decisions, decisions: withDecision(this.decisions.decisions, args.target, args.decision) };
    if (this.bytes) this.decisionsUnsaved = true;
    return { view: this.checkView(args, () => {}), sheet: buildDecisionsSheet(this.decisions.decisions) };
  }

  /** Outside Excel: the file with the decisions sheet written (replaced) into it; the file opened is never changed. */
  private async decisionsFile(today: Date): Promise<FileResult> {
    if (!this.bytes) throw new EngineUsageError('Writing a file needs a workbook opened from a file: open one first.');
    const written = await writeReport(this.bytes, [buildDecisionsSheet(this.decisions.decisions)], { generatedAt: today });
    this.bytes = written.bytes;
    this.decisionsUnsaved = false;
    return { fileName: outputName(this.fileName), bytes: this.bytes, sheets: written.sheetNames };
  }

  /** "Go to" outside Excel: the finding's row as the check read it (row-in-place.ts). */
  private rowAt(args: ArgsOf<'rowAt'>): RowInPlace | null {
    const grid = findSheet(this.requireWorkbook(), args.at.sheet);
    return grid ? rowInPlace(grid, this.check(args).tables, args.at.cell) : null;
  }

  /** "Check changed sheets": those sheets (and the ones whose formulas use them) checked again, the others' findings kept (recheck.ts). */
  private recheckView(args: ArgsOf<'recheck'>, progress: ProgressSink): RecheckView {
    const workbook = this.requireWorkbook();
    const scope = recheckScope(workbook, args.changed);
    progress({ stage: `Checking ${scope.length === 1 ? `“${scope[0]}”` : `${scope.length} sheets`} again`, fraction: 0.2 });
    const fresh = withDecisions(checkWorkbook(workbook, args.model, { tableRulesOn: new Set(scope) }), this.decisions, scope);
    const sheets = workbook.sheets.map((g) => g.name);
    const findings = mergeFindings(args.previous.findings, fresh.findings, scope, sheets);
    const present = new Set(findings.map((f) => f.rule));
    const rechecked = new Set(scope.map((name) => name.toUpperCase()));
    const keptUnmatched = (args.previous.decisions?.unmatched ?? []).filter((d) => !rechecked.has(d.sheet.toUpperCase()));
    return {
      tables: fresh.tables.map(tableSummary),
      findings,
      summary: summarise(findings),
      sheets,
      rules: RULE_IDS.filter((rule) => present.has(rule)),
      coverage: coverageLines(fresh.coverage, findings.length),
      decisions: {
        count: fresh.decisions.all.length,
        unmatched: [...keptUnmatched, ...fresh.decisions.unmatched],
        problems: fresh.decisions.problems,
        unsaved: this.decisionsUnsaved,
      },
      rechecked: scope,
    };
  }

  private rollup(args: ModelArgs, by: readonly Dimension[]): Rollup {
    return rollUp(this.requireWorkbook(), args, by, this.check(args).tables);
  }

  private rollupView(args: ModelArgs, by: readonly Dimension[]): RollupView {
    return { ...this.rollup(args, by), columns: groupableColumns(this.check(args).tables) };
  }

  private records(args: ModelArgs): RegisterRecord[] {
    return registerOf(this.requireWorkbook(), args.model, this.check(args).tables);
  }

  private registerView(args: ModelArgs): RegisterView {
    const records = this.records(args);
    const { findings } = this.check(args);
    let total = ZERO;
    for (const r of records) if (r.amount) total = total.plus(r.amount);
    return {
      records: records.map((r) => ({
        sheet: r.sheet,
        row: r.row,
        ...(r.id !== undefined ? { ref: r.id } : {}),
        ...(r.title !== undefined ? { title: r.title } : {}),
        ...(r.recipient !== undefined ? { recipient: r.recipient } : {}),
        ...(r.type !== undefined ? { type: r.type } : {}),
        ...(r.amount !== undefined ? { amount: r.amount } : {}),
        ...(r.awardDate !== undefined ? { awardDate: r.awardDate } : {}),
        ...(r.rag !== undefined ? { rag: r.rag } : {}),
        ...(firstCell(r) ? { cell: firstCell(r) } : {}),
      })),
      byType: totalsByType(records),
      findings: registerFindings(findings, records),
      total,
    };
  }

  /** The panel report as it would be written: its readiness line and the tables the user may choose from. */
  private panelView(args: ModelArgs): PanelView {
    const spec = this.panelSheet(args, new Date());
    const check = this.check(args);
    const readiness = readinessParagraph(check.summary);
    return {
      readiness: { text: readiness.text, ready: check.summary.errors === 0 },
      summary: check.summary,
      notes: spec.paragraphs.slice(2).map((p) => p.text),
      tables: spec.tables.map((t) => ({ name: t.name, title: t.title, rows: t.rows.length })),
    };
  }

  private panelSheet(args: ModelArgs, today: Date): SheetSpec {
    if (args.origin.kind === 'none') {
      throw new EngineUsageError(
        `There is no panel report for ${this.label}: no model applies to it (${args.origin.reason}). Its Findings, Rollup and Register sheets can still be written.`,
      );
    }
    const check = this.check(args);
    const rollup = this.rollup(args, ['priority-area']);
    const context = { model: args.model, modelDescription: describeModel(args.origin), today };
    return buildPanelReportSheet({ workbook: this.requireWorkbook(), check, rollup, records: this.records(args) }, context);
  }

  /**
   * The generated sheets asked for, built from one check of the whole workbook (the Findings sheet from
   * the scope asked for). A workbook without a register has no Register sheet: asked for alone, that is
   * an error the user should hear about; as part of the whole report, it is left out.
   */
  reportSheets(args: ReportArgs): SheetSpec[] {
    const workbook = this.requireWorkbook();
    const whole = { model: args.model, origin: args.origin };
    const scopedCheck = this.check({ ...whole, ...(args.sheet !== undefined ? { sheet: args.sheet } : {}) });
    const check = args.sheet === undefined ? scopedCheck : this.check(whole);
    const all = buildReport(workbook, whole, { by: args.by, today: args.today, check }).sheets;
    const sheets: SheetSpec[] = [];
    for (const name of args.which) {
      if (name === 'Findings' && args.sheet !== undefined) {
        const context = { model: args.model, modelDescription: describeModel(args.origin), today: args.today };
        const sheetOrder = workbook.sheets.map((g) => g.name);
        const decided = decisionsTable(scopedCheck.findings, scopedCheck.decisions.unmatched, context, sheetOrder);
        sheets.push(withDecisionsTable(buildFindingsSheet(scopedCheck, context, { sheetOrder }), decided));
        continue;
      }
      const spec = all.find((s) => s.name === name);
      if (spec) sheets.push(name === 'Panel report' && args.panel ? withoutTables(spec, args.panel.excludeTables) : spec);
      else if (name === 'Panel report' && args.which.length === 1) this.panelSheet(args, args.today);
      else if (name === 'Register' && args.which.length === 1) {
        throw new EngineUsageError(
          `${this.label} has no contracts and grants register (a table with columns such as Ref, Title, Recipient, Amount and Award date), so there is no Register sheet to write.`,
        );
      }
    }
    return sheets;
  }

  private async reportFile(args: ReportArgs, progress: ProgressSink): Promise<FileResult> {
    if (!this.bytes) throw new EngineUsageError('Writing a file needs a workbook opened from a file: open one first.');
    progress({ stage: 'Building the report', fraction: 0.3 });
    // Decisions not yet in the file go into this copy too, so the report's Decisions table is kept with them.
    const sheets = [...this.reportSheets(args), ...(this.decisionsUnsaved ? [buildDecisionsSheet(this.decisions.decisions)] : [])];
    progress({ stage: 'Writing the workbook', fraction: 0.6 });
    // A user's own sheet of a generated name is kept: ours is then written as "Register (2)", and said so.
    const written = await writeReport(this.bytes, sheets, { generatedAt: args.today });
    this.bytes = written.bytes;
    this.decisionsUnsaved = false;
    return { fileName: outputName(this.fileName), bytes: this.bytes, sheets: written.sheetNames };
  }

  private giving360(args: ArgsOf<'giving360'>): Giving360Result {
    const records = this.records(args);
    if (records.length === 0) {
      throw new EngineUsageError(
        `${this.label} has no contracts and grants register (a table with columns such as Ref, Title, Recipient, Amount and Award date), so there is nothing to export.`,
      );
    }
    const { findings } = this.check(args);
    const found = registerFindings(findings, records);
    // The model's organisation funds the grants whose register names no funder; one with no name (no model applies) funds none.
    const organisation = args.model.organisation;
    const funder = organisation.name.trim() === '' ? undefined : { ...organisation, ...(args.funderId ? { orgId: args.funderId } : {}) };
    const conversion = toGiving360(records, args.model, {
      prefix: args.prefix,
      ...(funder ? { funder } : {}),
      funderAdvice: 'name the funding organisation in the model, or in a Funding Org:Name column',
    });
    if (conversion.grants.length === 0) {
      throw new EngineUsageError(
        `None of the ${records.length} register records can be published: each needs an id, title, recipient, amount, award date and funder. Fix the register and try again.`,
      );
    }
    const pkg = giving360Package(conversion, args.today);
    const validation = validateGiving360Package(pkg);
    if (!validation.valid) {
      throw new Error(
        `the export does not match the 360Giving schema at ${validation.path} (${validation.message}); this is a bug in the export, please report it`,
      );
    }
    const json = args.format === 'json';
    const base = this.fileName.replace(/\.xlsx$/i, '');
    return {
      fileName: `${base}-360giving.${json ? 'json' : 'csv'}`,
      mimeType: json ? 'application/json' : 'text/csv',
      text: json ? giving360Json(pkg) : giving360Csv(pkg.grants),
      grants: conversion.grants.length,
      total: describeTotal(conversion.total),
      skipped: conversion.skipped.map((s) => ({
        ref: s.record.id ?? `row ${s.record.row + 1}`,
        reason: s.reason,
        ...(s.cell ? { where: `${s.record.sheet}!${s.cell}` } : {}),
      })),
      internalOrganisations: conversion.internalOrganisations.filter((o) => o.role === 'recipient').map((o) => o.name),
      ...(conversion.funderIdProblem ? { funderIdProblem: conversion.funderIdProblem } : {}),
      registerErrors: summarise(found).errors,
    };
  }

  private async modelSheetFile(model: CommissioningModel): Promise<FileResult> {
    if (!this.bytes) throw new EngineUsageError('Adding a sheet needs a workbook opened from a file: open one first.');
    const grid: Grid = writeModelSheet(model);
    this.bytes = await addGridSheet(this.bytes, grid);
    return { fileName: outputName(this.fileName), bytes: this.bytes, sheets: [grid.name] };
  }

  /**
   * A model proposed from the open workbook, read with the neutral model so that nothing of the default
   * model shapes it. Its figures quote the file opened, or "workbook" inside Excel, where no file name is known.
   */
  private proposeModel(organisation: string | undefined): ModelProposal {
    const workbook = this.requireWorkbook();
    const { tables } = readWorkbookStructure(workbook, neutralModel());
    const document = this.bytes ? this.fileName : 'workbook';
    return proposeModel(workbook, tables, { document, ...(organisation !== undefined ? { organisation } : {}) });
  }

  private async budgetTemplateFile(model: CommissioningModel): Promise<FileResult> {
    if (!this.bytes) throw new EngineUsageError('Adding a sheet needs a workbook opened from a file: open one first.');
    const template = budgetTemplate(
      model,
      this.requireWorkbook().sheets.map((g) => g.name),
    );
    this.bytes = await addBudgetTemplate(this.bytes, template);
    return { fileName: outputName(this.fileName), bytes: this.bytes, sheets: [template.sheet, template.listsSheet] };
  }
}

/**
 * "commissioning-2019-20.xlsx" → "commissioning-2019-20 (report).xlsx": never the name of the file
 * opened. The extension is the input's (.xlsm, .xltx, .xltm as well), since the copy keeps the
 * input's kind of file and Excel opens a file only under the extension its kind has.
 */
export function outputName(fileName: string): string {
  const extension = /\.(xlsx|xlsm|xltx|xltm)$/i.exec(fileName)?.[0];
  const base = (extension === undefined ? fileName : fileName.slice(0, -extension.length)).replace(/ \(report\)$/, '');
  return `${base} (report)${extension?.toLowerCase() ?? '.xlsx'}`;
}

/** A table as the pane shows it: where it is, and how it was read. */
function tableSummary(t: Table): TableSummary {
  return {
    sheet: t.sheet,
    range: rangeToA1(t.range),
    ...(t.title ? { title: t.title } : {}),
    unit: t.unit,
    kind: t.kind,
    structure: renderTable(describeTable(t)),
  };
}

function firstCell(record: RegisterRecord): string | undefined {
  return record.cells.id ?? record.cells.title ?? Object.values(record.cells).find((c) => c !== undefined);
}

function withoutTables(spec: SheetSpec, exclude: readonly string[]): SheetSpec {
  if (exclude.length === 0) return spec;
  const left = new Set(exclude);
  const tables = spec.tables.filter((t) => !left.has(t.name));
  const keepsChart = spec.chart && !left.has(spec.chart.table);
  return { name: spec.name, paragraphs: spec.paragraphs, tables, ...(keepsChart ? { chart: spec.chart } : {}) };
}

/** The workbook's Model sheet, or why it cannot be used: the pane says so and carries on without it. */
function readableModelSheet(workbook: GridWorkbook): LoadedWorkbook['modelSheet'] {
  const sheet = findSheet(workbook, MODEL_SHEET_NAME);
  if (!sheet) return null;
  try {
    return modelSheetOf(workbook) ?? null;
  } catch (error) {
    if (error instanceof ModelError) return { sheet: sheet.name, problem: error.problems.slice(0, 5).join('; ') };
    throw error;
  }
}

/**
 * The fast reader where the platform can inflate (a large workbook loads several times faster than
 * through ExcelJS), and ExcelJS, the reference reader with the clear messages, for anything else.
 */
async function readWorkbookBytes(bytes: Uint8Array, label: string): Promise<GridWorkbook> {
  const inflate = streamInflater();
  return readWorkbookFile(bytes, label, inflate ? (data) => readXlsxFastAsync(data, inflate) : undefined);
}
