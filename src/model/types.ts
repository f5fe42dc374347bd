/**
 * The commissioning model: data, not code. Amounts are exact decimal strings in pounds
 * ("53600000"), so a model round-trips through JSON without loss; use money/ to compute with them.
 */

/** Where a figure or name comes from: a source document and the sentence or table that states it. */
export interface SourceNote {
  /** The document as the model cites it: a file such as "000_5be5cdee322bf63c.txt", or "workbook" / a JSON path. */
  readonly document: string;
  /** Where in it: "para 1.1", "slide: London Crime Prevention Fund, table", ... */
  readonly locator: string;
  /** The words that state the figure, quoted. */
  readonly quote?: string;
}

/** A document the model's figures come from, and the title findings give it when they cite it. */
export interface SourceDocument {
  /** As source notes cite it: "000_5be5cdee322bf63c.txt". */
  readonly document: string;
  /** As a reader knows it: "January 2020 panel report". */
  readonly title: string;
}

/** A name the checker recognises: canonical name, short code and the other ways people write it. */
export interface NamedEntry {
  readonly code: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly source?: SourceNote;
}

/** A stated amount for one fiscal year ("2019/20"), in pounds. */
export interface YearFigure {
  readonly year: string;
  readonly amount: string;
  readonly source: SourceNote;
}

export interface PriorityArea extends NamedEntry {
  /** Stated spend on the area per year (the panel's headline figures). */
  readonly figures: readonly YearFigure[];
}

export interface FundingStream extends NamedEntry {
  /** Who provides the money (MoJ, Home Office, GLA, ...), when the stream names one. */
  readonly funder?: string;
}

export interface FundComponent {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly amount: string;
  readonly source: SourceNote;
}

/** A stated total for a programme or fund in one year, and the parts it is stated to consist of. */
export interface FundFigure {
  readonly year: string;
  /** "2019/20" for one year, or a span such as "2019/20-2021/22" for multi-year funds. */
  readonly total: string;
  readonly components: readonly FundComponent[];
  readonly source: SourceNote;
}

export interface Programme extends NamedEntry {
  /** Code of the funding stream that pays for it, when there is one. */
  readonly fundingStream?: string;
  /** Code of the priority area it serves, when it serves one. */
  readonly priorityArea?: string;
  readonly figures: readonly FundFigure[];
}

export interface Borough {
  readonly name: string;
  readonly aliases: readonly string[];
  /** ONS GSS code, E09000001 to E09000033. */
  readonly gss: string;
  /** org-id.guide identifier for the local authority, GB-LAE-XXX. */
  readonly orgId: string;
}

export type VarianceConvention = 'forecast-minus-budget' | 'budget-minus-forecast';
export type RoundingPolicy = 'as-stated' | 'largest-remainder';
import type { UnitId } from '../money/units';
import type { NegativeStyle } from '../money/format';

export interface RagThresholds {
  /** Percent of budget (as a decimal string, "5" meaning 5%) at which a variance turns amber. */
  readonly amberPct: string;
  readonly redPct: string;
  /** Absolute variance in pounds at which a variance turns amber or red, whichever comes first. */
  readonly amberAbs: string;
  readonly redAbs: string;
}

export interface ModelSettings {
  readonly varianceConvention: VarianceConvention;
  readonly rag: RagThresholds;
  readonly displayUnit: UnitId;
  readonly displayDecimals: number;
  readonly roundingPolicy: RoundingPolicy;
  /** How negative amounts are written in messages and the pane: "-£1.0m" (minus, the default) or "(£1.0m)". */
  readonly negatives?: NegativeStyle;
}

export interface Organisation {
  readonly name: string;
  readonly shortName: string;
  /** org-id.guide identifier, used as the 360Giving funding organisation id. */
  readonly orgId: string;
}

export interface CommissioningModel {
  readonly schemaVersion: 1;
  readonly organisation: Organisation;
  readonly currency: 'GBP';
  readonly defaultUnit: UnitId;
  /** Month the fiscal year starts, 1 to 12 (April = 4). */
  readonly fiscalYearStartMonth: number;
  /** Fiscal years the model knows, oldest first: "2018/19", ... */
  readonly years: readonly string[];
  readonly priorityAreas: readonly PriorityArea[];
  readonly fundingStreams: readonly FundingStream[];
  readonly programmes: readonly Programme[];
  readonly boroughs: readonly Borough[];
  readonly commissioningModels: readonly NamedEntry[];
  /** Total commissioning spend per year. */
  readonly totals: readonly YearFigure[];
  readonly settings: ModelSettings;
  /** The documents source notes cite, with their titles; a document not listed is cited by its own name. */
  readonly documents?: readonly SourceDocument[];
}

/** The model in effect and where it came from, as `commissioning model` reports it. */
export interface ModelInEffect {
  readonly model: CommissioningModel;
  readonly origin:
    | { readonly kind: 'default' }
    | { readonly kind: 'json'; readonly path: string }
    | { readonly kind: 'workbook'; readonly path: string; readonly sheet: string }
    /** No model describes the workbook: it is checked with the neutral model, and `reason` says why. */
    | { readonly kind: 'none'; readonly reason: string };
}
