/**
 * What the ribbon's "Check workbook" command reports: the counts, the readiness line and the first few
 * errors, carried to the summary dialog in its URL (a dialog page gets nothing else from its opener
 * until it loads). Kept short: dialog URLs should stay well under 2,000 characters.
 */
import type { Finding, FindingSummary } from '../checks/finding';

export interface CheckSummary {
  readonly tables: number;
  readonly summary: FindingSummary;
  /** The model the check used, in a few words. */
  readonly model: string;
  /** The first errors (else warnings): where and what. */
  readonly top: readonly { readonly where: string; readonly message: string }[];
  /** Set when the check could not run: what happened and what to do. */
  readonly failure?: string;
}

/** Findings listed in the dialog; the pane lists them all. */
export const TOP_FINDINGS = 3;
/** Longest message carried in the URL, in characters. */
const MESSAGE_CHARS = 180;
const MAX_QUERY_CHARS = 1800;

export function summarise(tables: number, findings: readonly Finding[], summary: FindingSummary, model: string): CheckSummary {
  const worst = findings.some((f) => f.severity === 'error') ? 'error' : 'warning';
  const top = findings
    .filter((f) => f.severity === worst)
    .slice(0, TOP_FINDINGS)
    .map((f) => ({ where: `${f.sheet}!${f.cell}`, message: shorten(f.message, MESSAGE_CHARS) }));
  return { tables, summary, model, top };
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** "4 errors open: not ready for the panel" or "No errors open". */
export function readinessLine(summary: FindingSummary): string {
  if (summary.errors === 0) return 'No errors open';
  return `${summary.errors} ${summary.errors === 1 ? 'error' : 'errors'} open: not ready for the panel`;
}

export function encodeSummary(data: CheckSummary): string {
  let top = [...data.top];
  for (;;) {
    const params = new URLSearchParams({
      tables: String(data.tables),
      errors: String(data.summary.errors),
      warnings: String(data.summary.warnings),
      info: String(data.summary.info),
      model: data.model,
    });
    if (data.failure) params.set('failure', shorten(data.failure, 600));
    top.forEach((t, i) => {
      params.set(`where${i}`, t.where);
      params.set(`message${i}`, t.message);
    });
    const query = params.toString();
    if (query.length <= MAX_QUERY_CHARS || top.length === 0) return query;
    top = top.slice(0, -1);
  }
}

export function decodeSummary(query: string): CheckSummary {
  const params = new URLSearchParams(query);
  const count = (name: string): number => {
    const n = Number(params.get(name));
    return Number.isInteger(n) && n >= 0 ? n : 0;
  };
  const top: { where: string; message: string }[] = [];
  for (let i = 0; i < TOP_FINDINGS; i++) {
    const where = params.get(`where${i}`);
    const message = params.get(`message${i}`);
    if (where && message) top.push({ where, message });
  }
  const failure = params.get('failure');
  return {
    tables: count('tables'),
    summary: { errors: count('errors'), warnings: count('warnings'), info: count('info') },
    model: params.get('model') ?? 'the default model',
    top,
    ...(failure ? { failure } : {}),
  };
}
