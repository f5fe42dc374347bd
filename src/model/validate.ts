/**
 * Checks that data is a CommissioningModel and returns it rebuilt in canonical key order.
 * Hand-written rather than schema-driven so that every problem reads as one plain sentence naming the
 * field by its path: `priorityAreas[2].figures[0].amount: "15.0m" is not an amount in pounds ...`.
 */
import type {
  Borough,
  CommissioningModel,
  FundComponent,
  FundFigure,
  FundingStream,
  ModelSettings,
  NamedEntry,
  Organisation,
  PriorityArea,
  Programme,
  RagThresholds,
  RoundingPolicy,
  SourceDocument,
  SourceNote,
  VarianceConvention,
  YearFigure,
} from './types';
import type { UnitId } from '../money/units';
import Decimal from 'decimal.js';
import { fiscalYearSpan, isFiscalYearLabel } from '../money/fiscal-year';
import { isDecimalAmount } from '../money/parse';
import { UNIT_IDS } from '../money/units';
import { NEGATIVE_STYLES } from '../money/format';
import { normaliseName } from './names';

/** One problem in a model: where (a path such as `boroughs[4].gss`, empty for the whole model) and what. */
interface ModelProblem {
  readonly path: string;
  readonly message: string;
}

/** A model that cannot be used. `message` is one line: the first problem, and how many more there are. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  /** Every problem found, one line each, in the order found. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const list = problems.length > 0 ? problems : ['the model is not valid'];
    super(list.length > 1 ? `${list[0]} (and ${list.length - 1} more)` : list[0]);
    this.problems = list;
  }
}

/** A model states money in pounds, thousands or millions: tables may be in billions, a model's figures are not. */
const MODEL_UNIT_IDS: readonly UnitId[] = UNIT_IDS.filter((id) => id !== '£bn');
const VARIANCE_CONVENTIONS: readonly VarianceConvention[] = ['forecast-minus-budget', 'budget-minus-forecast'];
const ROUNDING_POLICIES: readonly RoundingPolicy[] = ['as-stated', 'largest-remainder'];

/** An org-id.guide identifier: list code (GB-CHC), then the organisation's id within the list. */
export const ORG_ID = /^[A-Z]{2}-[A-Z0-9]+-\S+$/;
const GSS_LONDON_BOROUGH = /^E09000(\d{3})$/;
const CODE = /^\S+$/;

/** Lists every problem in `data` as a model; empty when it is a valid CommissioningModel. */
export function findModelProblems(data: unknown): ModelProblem[] {
  const checker = new Checker();
  checker.model(data);
  return checker.problems;
}

/**
 * Returns `data` as a CommissioningModel (a fresh object, keys in canonical order), or throws ModelError.
 * `where` (a file name, "Model sheet") starts every problem line.
 */
export function validateModel(data: unknown, where?: string): CommissioningModel {
  const checker = new Checker();
  const model = checker.model(data);
  if (checker.problems.length > 0) {
    throw new ModelError(checker.problems.map((p) => formatProblem(p, where)));
  }
  return model as CommissioningModel;
}

function formatProblem(problem: ModelProblem, where?: string): string {
  const located = problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
  return where ? `${where}: ${located}` : located;
}

/** A value as a problem message quotes it: strings in quotes and shortened, other things by kind. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const short = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(short);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  // JSON holds nothing else; anything that gets here by another road is named by its kind.
  return typeof value;
}

type Fields = Record<string, unknown>;

/** The model's required keys, in the order a model file writes them. */
const MODEL_KEYS = [
  'schemaVersion',
  'organisation',
  'currency',
  'defaultUnit',
  'fiscalYearStartMonth',
  'years',
  'priorityAreas',
  'fundingStreams',
  'programmes',
  'boroughs',
  'commissioningModels',
  'totals',
  'settings',
] as const;

const at = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
const item = (path: string, index: number): string => `${path}[${index}]`;

function isPlainObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Walks the data once, collecting problems and building the canonical model as it goes. */
class Checker {
  readonly problems: ModelProblem[] = [];
  private years = new Set<string>();

  private add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  model(data: unknown): CommissioningModel | undefined {
    const o = this.object(data, '', MODEL_KEYS, ['documents']);
    if (!o) return undefined;
    // Checked in the order the keys are written, so the first problem reported is the first in the file.
    if (o.schemaVersion !== undefined && o.schemaVersion !== 1) {
      this.add('schemaVersion', `${describeValue(o.schemaVersion)} is not a schema version this program reads (expected 1)`);
    }
    const organisation = this.organisation(o.organisation, 'organisation') as Organisation;
    if (o.currency !== undefined && o.currency !== 'GBP') {
      this.add('currency', `${describeValue(o.currency)} is not supported (only "GBP")`);
    }
    const defaultUnit = this.unit(o.defaultUnit, 'defaultUnit') as UnitId;
    const fiscalYearStartMonth = this.integer(o.fiscalYearStartMonth, 'fiscalYearStartMonth', 1, 12) as number;
    const years = this.yearList(o.years, 'years');
    this.years = new Set(years);
    const priorityAreas = this.list(o.priorityAreas, 'priorityAreas', (v, p) => this.priorityArea(v, p));
    const fundingStreams = this.list(o.fundingStreams, 'fundingStreams', (v, p) => this.fundingStream(v, p));
    this.uniqueNames(priorityAreas, 'priorityAreas');
    this.uniqueNames(fundingStreams, 'fundingStreams');
    const programmes = this.list(o.programmes, 'programmes', (v, p) => this.programme(v, p, codesOf(fundingStreams), codesOf(priorityAreas)));
    this.uniqueNames(programmes, 'programmes');
    const boroughs = this.list(o.boroughs, 'boroughs', (v, p) => this.borough(v, p));
    this.uniqueBoroughs(boroughs);
    const commissioningModels = this.list(o.commissioningModels, 'commissioningModels', (v, p) => this.namedEntry(v, p, [])?.entry);
    this.uniqueNames(commissioningModels, 'commissioningModels');
    const totals = this.list(o.totals, 'totals', (v, p) => this.yearFigure(v, p));
    this.uniqueYears(totals, 'totals');
    const settings = this.settings(o.settings, 'settings') as ModelSettings;
    const documents = o.documents === undefined ? undefined : this.documents(o.documents, 'documents');
    return {
      schemaVersion: 1,
      organisation,
      currency: 'GBP',
      defaultUnit,
      fiscalYearStartMonth,
      years,
      priorityAreas,
      fundingStreams,
      programmes,
      boroughs,
      commissioningModels,
      totals,
      settings,
      ...(documents ? { documents } : {}),
    };
  }

  // ---- shapes -------------------------------------------------------------------------------

  /** The object at `path`, after reporting missing required keys and keys the model does not know. */
  private object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Fields | undefined {
    if (value === undefined) return undefined; // the parent reported it missing
    if (!isPlainObject(value)) {
      const subject = path === '' ? 'the model ' : '';
      this.add(path, `${subject}should be an object with ${required.join(', ')}, not ${describeValue(value)}`);
      return undefined;
    }
    const known = new Set([...required, ...optional]);
    for (const key of Object.keys(value)) {
      if (!known.has(key)) {
        this.add(at(path, key), `is not a field the model knows here (expected ${[...known].join(', ')})`);
      }
    }
    for (const key of required) {
      if (value[key] === undefined) this.add(at(path, key), 'is missing');
    }
    return value;
  }

  /**
   * The list at `path`, each item built by `each`. An item that cannot be built stays as an undefined
   * slot, so indexes in later messages still match the data; a model with any such slot is never returned.
   */
  private list<T>(value: unknown, path: string, each: (v: unknown, p: string) => T | undefined): T[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.add(path, `should be a list, not ${describeValue(value)}`);
      return [];
    }
    return value.map((v, i) => each(v, item(path, i))) as T[];
  }

  private text(value: unknown, path: string): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.add(path, `should be text, not ${describeValue(value)}`);
      return undefined;
    }
    if (value.trim() === '') {
      this.add(path, 'is empty');
      return undefined;
    }
    return value;
  }

  private textList(value: unknown, path: string): string[] {
    return this.list(value, path, (v, p) => this.text(v, p));
  }

  private code(value: unknown, path: string): string | undefined {
    const code = this.text(value, path);
    if (code !== undefined && !CODE.test(code)) {
      this.add(path, `${describeValue(code)} should be a short code without spaces, such as "CYP"`);
    }
    return code;
  }

  private amount(value: unknown, path: string): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value === 'number') {
      this.add(path, `${value} should be written as text, "${value}" (amounts are exact decimal strings in pounds)`);
      return undefined;
    }
    if (typeof value !== 'string' || !isDecimalAmount(value)) {
      this.add(path, `${describeValue(value)} is not an amount in pounds (write a decimal such as "15000000")`);
      return undefined;
    }
    return value;
  }

  private nonNegativeAmount(value: unknown, path: string): string | undefined {
    const amount = this.amount(value, path);
    if (amount !== undefined && amount.startsWith('-')) {
      this.add(path, `${describeValue(amount)} should not be negative`);
    }
    return amount;
  }

  private integer(value: unknown, path: string, min: number, max: number): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(path, `${describeValue(value)} should be a whole number from ${min} to ${max}`);
      return undefined;
    }
    return value;
  }

  private oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[], what: string): T | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.add(path, `${describeValue(value)} is not ${what} (use one of ${allowed.join(', ')})`);
      return undefined;
    }
    return value as T;
  }

  private unit(value: unknown, path: string): UnitId | undefined {
    return this.oneOf(value, path, MODEL_UNIT_IDS, 'a unit');
  }

  // ---- years --------------------------------------------------------------------------------

  private fiscalYear(value: unknown, path: string): string | undefined {
    const text = this.text(value, path);
    if (text === undefined) return undefined;
    if (!isFiscalYearLabel(text)) {
      this.add(path, `${describeValue(text)} is not a fiscal year in "2019/20" form (start year, slash, last two digits of the next year)`);
      return undefined;
    }
    return text;
  }

  private yearList(value: unknown, path: string): string[] {
    const years = this.list(value, path, (v, p) => this.fiscalYear(v, p));
    years.forEach((year, i) => {
      if (i > 0 && year <= years[i - 1]) {
        this.add(item(path, i), `${describeValue(year)} comes after ${describeValue(years[i - 1])}; list each year once, oldest first`);
      }
    });
    return years;
  }

  /** A year the model knows: one fiscal year, or (when spans are allowed) "2019/20-2021/22". */
  private knownYear(value: unknown, path: string, allowSpan: boolean): string | undefined {
    const text = this.text(value, path);
    if (text === undefined) return undefined;
    const span = fiscalYearSpan(text);
    if (!span || (!allowSpan && span[0] !== span[1])) {
      const form = allowSpan ? '"2019/20", or a span such as "2019/20-2021/22"' : '"2019/20" form';
      this.add(path, `${describeValue(text)} is not a fiscal year in ${form}`);
      return undefined;
    }
    for (const year of new Set(span)) {
      if (!this.years.has(year)) {
        this.add(path, `${describeValue(year)} is not one of the model's years (${[...this.years].join(', ') || 'none'}); add it to years`);
        return undefined;
      }
    }
    return text;
  }

  // ---- parts --------------------------------------------------------------------------------

  /** The documents list: each cited name once, each with a title. */
  private documents(value: unknown, path: string): SourceDocument[] {
    const documents = this.list(value, path, (v, p) => {
      const o = this.object(v, p, ['document', 'title']);
      if (!o) return undefined;
      const document = this.text(o.document, at(p, 'document'));
      const title = this.text(o.title, at(p, 'title'));
      return { document, title } as SourceDocument;
    });
    const seen = new Map<string, number>();
    documents.forEach((d: SourceDocument | undefined, i) => {
      if (d?.document === undefined) return;
      const first = seen.get(d.document);
      if (first !== undefined) {
        this.add(at(item(path, i), 'document'), `${describeValue(d.document)} is listed twice (also ${item(path, first)})`);
      } else seen.set(d.document, i);
    });
    return documents;
  }

  private source(value: unknown, path: string): SourceNote | undefined {
    const o = this.object(value, path, ['document', 'locator'], ['quote']);
    if (!o) return undefined;
    const document = this.text(o.document, at(path, 'document'));
    const locator = this.text(o.locator, at(path, 'locator'));
    const quote = this.text(o.quote, at(path, 'quote'));
    if (document === undefined || locator === undefined) return undefined;
    return quote === undefined ? { document, locator } : { document, locator, quote };
  }

  private organisation(value: unknown, path: string): Organisation | undefined {
    const o = this.object(value, path, ['name', 'shortName', 'orgId']);
    if (!o) return undefined;
    const name = this.text(o.name, at(path, 'name'));
    const shortName = this.text(o.shortName, at(path, 'shortName'));
    const orgId = this.orgId(o.orgId, at(path, 'orgId'));
    return { name, shortName, orgId } as Organisation;
  }

  private orgId(value: unknown, path: string): string | undefined {
    const text = this.text(value, path);
    if (text !== undefined && !ORG_ID.test(text)) {
      this.add(path, `${describeValue(text)} is not an org-id.guide identifier (such as "GB-LAE-LBH")`);
    }
    return text;
  }

  /** The shared part of a named entry; `fields` keeps the raw object for the caller's own keys. */
  private namedEntry(
    value: unknown,
    path: string,
    extra: readonly string[],
    required: readonly string[] = [],
  ): { entry: NamedEntry; fields: Fields } | undefined {
    const fields = this.object(value, path, ['code', 'name', 'aliases', ...required], ['source', ...extra]);
    if (!fields) return undefined;
    const code = this.code(fields.code, at(path, 'code'));
    const name = this.text(fields.name, at(path, 'name'));
    const aliases = this.textList(fields.aliases, at(path, 'aliases'));
    const source = fields.source === undefined ? undefined : this.source(fields.source, at(path, 'source'));
    // When code or name is bad the problem is recorded; the placeholder keeps the other checks running.
    const entry = { code: code ?? '', name: name ?? '', aliases, ...(source ? { source } : {}) };
    return { entry, fields };
  }

  private priorityArea(value: unknown, path: string): PriorityArea | undefined {
    const named = this.namedEntry(value, path, [], ['figures']);
    if (!named) return undefined;
    const { entry, fields } = named;
    const figures = this.list(fields.figures, at(path, 'figures'), (v, p) => this.yearFigure(v, p));
    this.uniqueYears(figures, at(path, 'figures'));
    return { code: entry.code, name: entry.name, aliases: entry.aliases, ...sourceOf(entry), figures };
  }

  private fundingStream(value: unknown, path: string): FundingStream | undefined {
    const named = this.namedEntry(value, path, ['funder']);
    if (!named) return undefined;
    const { entry, fields } = named;
    const funder = fields.funder === undefined ? undefined : this.text(fields.funder, at(path, 'funder'));
    return { code: entry.code, name: entry.name, ...(funder ? { funder } : {}), aliases: entry.aliases, ...sourceOf(entry) };
  }

  private programme(value: unknown, path: string, streams: Set<string>, areas: Set<string>): Programme | undefined {
    const named = this.namedEntry(value, path, ['fundingStream', 'priorityArea'], ['figures']);
    if (!named) return undefined;
    const { entry, fields } = named;
    const fundingStream = this.reference(fields.fundingStream, at(path, 'fundingStream'), streams, 'a funding stream code');
    const priorityArea = this.reference(fields.priorityArea, at(path, 'priorityArea'), areas, 'a priority area code');
    const figures = this.list(fields.figures, at(path, 'figures'), (v, p) => this.fundFigure(v, p));
    this.uniqueYears(figures, at(path, 'figures'));
    return {
      code: entry.code,
      name: entry.name,
      ...(fundingStream ? { fundingStream } : {}),
      ...(priorityArea ? { priorityArea } : {}),
      aliases: entry.aliases,
      ...sourceOf(entry),
      figures,
    };
  }

  private reference(value: unknown, path: string, known: Set<string>, what: string): string | undefined {
    if (value === undefined) return undefined;
    const code = this.text(value, path);
    if (code !== undefined && !known.has(code)) {
      this.add(path, `${describeValue(code)} is not ${what} in this model (known: ${[...known].join(', ') || 'none'})`);
    }
    return code;
  }

  private yearFigure(value: unknown, path: string): YearFigure | undefined {
    const o = this.object(value, path, ['year', 'amount', 'source']);
    if (!o) return undefined;
    const year = this.knownYear(o.year, at(path, 'year'), false);
    const amount = this.amount(o.amount, at(path, 'amount'));
    const source = this.source(o.source, at(path, 'source'));
    return { year, amount, source } as YearFigure;
  }

  private fundFigure(value: unknown, path: string): FundFigure | undefined {
    const o = this.object(value, path, ['year', 'total', 'components', 'source']);
    if (!o) return undefined;
    const year = this.knownYear(o.year, at(path, 'year'), true);
    const total = this.amount(o.total, at(path, 'total'));
    const components = this.list(o.components, at(path, 'components'), (v, p) => this.component(v, p));
    const seen = new Map<string, number>();
    components.forEach((c: FundComponent | undefined, i) => {
      if (c?.name === undefined) return;
      const key = normaliseName(c.name);
      const first = seen.get(key);
      if (first !== undefined) {
        this.add(at(item(at(path, 'components'), i), 'name'), `${describeValue(c.name)} is listed twice (also components[${first}])`);
      } else seen.set(key, i);
    });
    const source = this.source(o.source, at(path, 'source'));
    return { year, total, components, source } as FundFigure;
  }

  private component(value: unknown, path: string): FundComponent | undefined {
    const o = this.object(value, path, ['name', 'aliases', 'amount', 'source']);
    if (!o) return undefined;
    const name = this.text(o.name, at(path, 'name'));
    const aliases = this.textList(o.aliases, at(path, 'aliases'));
    const amount = this.amount(o.amount, at(path, 'amount'));
    const source = this.source(o.source, at(path, 'source'));
    return { name, aliases, amount, source } as FundComponent;
  }

  private borough(value: unknown, path: string): Borough | undefined {
    const o = this.object(value, path, ['name', 'aliases', 'gss', 'orgId']);
    if (!o) return undefined;
    const name = this.text(o.name, at(path, 'name'));
    const aliases = this.textList(o.aliases, at(path, 'aliases'));
    const gss = this.text(o.gss, at(path, 'gss'));
    if (gss !== undefined) {
      const m = GSS_LONDON_BOROUGH.exec(gss);
      if (!m || Number(m[1]) < 1 || Number(m[1]) > 33) {
        this.add(at(path, 'gss'), `${describeValue(gss)} is not a London borough GSS code (E09000001 to E09000033)`);
      }
    }
    const orgId = this.orgId(o.orgId, at(path, 'orgId'));
    return { name, aliases, gss, orgId } as Borough;
  }

  private settings(value: unknown, path: string): ModelSettings | undefined {
    const o = this.object(value, path, ['varianceConvention', 'rag', 'displayUnit', 'displayDecimals', 'roundingPolicy'], ['negatives']);
    if (!o) return undefined;
    const negatives = this.oneOf(o.negatives, at(path, 'negatives'), NEGATIVE_STYLES, 'a way to write negatives (optional)');
    return {
      varianceConvention: this.oneOf(o.varianceConvention, at(path, 'varianceConvention'), VARIANCE_CONVENTIONS, 'a variance convention'),
      rag: this.rag(o.rag, at(path, 'rag')),
      displayUnit: this.unit(o.displayUnit, at(path, 'displayUnit')),
      displayDecimals: this.integer(o.displayDecimals, at(path, 'displayDecimals'), 0, 10),
      roundingPolicy: this.oneOf(o.roundingPolicy, at(path, 'roundingPolicy'), ROUNDING_POLICIES, 'a rounding policy'),
      ...(negatives !== undefined ? { negatives } : {}),
    } as ModelSettings;
  }

  private rag(value: unknown, path: string): RagThresholds | undefined {
    const o = this.object(value, path, ['amberPct', 'redPct', 'amberAbs', 'redAbs']);
    if (!o) return undefined;
    const rag = {
      amberPct: this.nonNegativeAmount(o.amberPct, at(path, 'amberPct')),
      redPct: this.nonNegativeAmount(o.redPct, at(path, 'redPct')),
      amberAbs: this.nonNegativeAmount(o.amberAbs, at(path, 'amberAbs')),
      redAbs: this.nonNegativeAmount(o.redAbs, at(path, 'redAbs')),
    };
    for (const [amber, red] of [
      ['amberPct', 'redPct'],
      ['amberAbs', 'redAbs'],
    ] as const) {
      const a = rag[amber];
      const r = rag[red];
      if (a !== undefined && r !== undefined && compareDecimal(r, a) < 0) {
        this.add(at(path, red), `${describeValue(r)} is below ${amber} ${describeValue(a)}; red must not be below amber`);
      }
    }
    return rag as RagThresholds;
  }

  // ---- uniqueness ---------------------------------------------------------------------------

  /** Codes unique (ignoring case), and no name, alias or code of one entry naming another entry too. */
  private uniqueNames(entries: readonly NamedEntry[], path: string): void {
    const codes = new Map<string, number>();
    const owners = new Map<string, number>();
    entries.forEach((entry: NamedEntry | undefined, i) => {
      if (!entry) return;
      const here = item(path, i);
      const code = entry.code.toUpperCase();
      const first = code === '' ? undefined : codes.get(code);
      if (first !== undefined) {
        this.add(at(here, 'code'), `${describeValue(entry.code)} is used twice (also ${item(path, first)})`);
      } else codes.set(code, i);
      const keys: [string, string | undefined][] = [
        [at(here, 'name'), entry.name],
        ...entry.aliases.map((alias, j): [string, string | undefined] => [item(at(here, 'aliases'), j), alias]),
        [at(here, 'code'), entry.code],
      ];
      for (const [keyPath, text] of keys) {
        if (text === undefined) continue;
        const key = normaliseName(text);
        if (key === '') continue;
        const owner = owners.get(key);
        if (owner !== undefined && owner !== i) {
          this.add(keyPath, `${describeValue(text)} already names ${item(path, owner)} (${describeValue(entries[owner].name)})`);
        } else owners.set(key, i);
      }
    });
  }

  private uniqueBoroughs(boroughs: readonly Borough[]): void {
    const seen = new Map<string, number>();
    boroughs.forEach((b: Borough | undefined, i) => {
      if (!b) return;
      const here = item('boroughs', i);
      const keys: [string, string | undefined][] = [
        [at(here, 'gss'), b.gss],
        [at(here, 'orgId'), b.orgId],
        [at(here, 'name'), b.name],
        ...b.aliases.map((alias, j): [string, string] => [item(at(here, 'aliases'), j), alias]),
      ];
      for (const [keyPath, text] of keys) {
        if (text === undefined) continue;
        const key = normaliseName(text);
        const owner = seen.get(key);
        if (owner !== undefined && owner !== i) {
          this.add(keyPath, `${describeValue(text)} already belongs to boroughs[${owner}] (${describeValue(boroughs[owner].name)})`);
        } else seen.set(key, i);
      }
    });
  }

  private uniqueYears(figures: readonly { readonly year?: string }[], path: string): void {
    const seen = new Map<string, number>();
    figures.forEach((f: { readonly year?: string } | undefined, i) => {
      if (f?.year === undefined) return;
      const first = seen.get(f.year);
      if (first !== undefined) {
        this.add(at(item(path, i), 'year'), `${describeValue(f.year)} has two figures (also ${item(path, first)})`);
      } else seen.set(f.year, i);
    });
  }
}

function codesOf(entries: readonly (NamedEntry | undefined)[]): Set<string> {
  return new Set(entries.flatMap((e) => (e ? [e.code] : [])));
}

function sourceOf(entry: NamedEntry): { source?: SourceNote } {
  return entry.source ? { source: entry.source } : {};
}

function compareDecimal(a: string, b: string): number {
  return new Decimal(a).comparedTo(b);
}
