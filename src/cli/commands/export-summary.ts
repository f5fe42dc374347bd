/**
 * What `commissioning export` tells people: a few short lines (counts, and the first few of any list), or
 * with --json everything, every list whole.
 */
import type { Finding } from '../../checks/finding';
import { describeTotal } from '../../reports/giving360/amount';
import type { Giving360Conversion, SkippedRecord } from '../../reports/giving360/convert';
import { orgIdProblem } from '../../reports/giving360/org-ids';
import { fewOf } from '../short-list';

export type ExportFormat = 'json' | 'csv';

export interface ExportOutcome {
  readonly workbookPath: string;
  readonly outPath: string;
  readonly format: ExportFormat;
  /** False when nothing could be published, so nothing was written. */
  readonly written: boolean;
  readonly conversion: Giving360Conversion;
  readonly registerFindings: readonly Finding[];
  readonly register: { readonly errors: number; readonly warnings: number };
  readonly model: { readonly description: string; readonly origin: object };
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export function describeSkipped(s: SkippedRecord): string {
  return `${s.record.id ?? `row ${s.record.row + 1}`} (${s.cell ? `${s.record.sheet}!${s.cell}: ` : ''}${s.reason})`;
}

/** The summary of a written export, one short line per subject. */
export function summaryLines(outcome: ExportOutcome): string[] {
  const { conversion, outPath } = outcome;
  const inJsonOrFile = `with --json or in ${outPath}`;
  const lines: string[] = [];
  const what = outcome.format === 'json' ? 'a 360Giving 1.4 package' : '360Giving CSV';
  lines.push(
    `Wrote ${count(conversion.grants.length, 'grant')} worth ${describeTotal(conversion.total)} to ${outPath} (${what}, valid against the 360Giving schema), checked against ${outcome.model.description}.`,
  );
  lines.push(`Register checks: ${count(outcome.register.errors, 'error')}, ${count(outcome.register.warnings, 'warning')}.`);
  lines.push(
    conversion.skipped.length === 0
      ? 'No records were skipped.'
      : `Skipped ${count(conversion.skipped.length, 'record')}: ${fewOf(conversion.skipped.map(describeSkipped), 'with --json')}.`,
  );
  lines.push(fundersLine(conversion, inJsonOrFile));
  const recipients = conversion.internalOrganisations.filter((o) => o.role === 'recipient');
  const funders = conversion.internalOrganisations.filter((o) => o.role === 'funder');
  if (recipients.length > 0) {
    lines.push(
      `${count(recipients.length, 'recipient')} ${recipients.length === 1 ? 'needs' : 'need'} a real org-id (published under an internal id such as ${recipients[0].id}): ${fewOf(
        recipients.map((o) => o.name),
        inJsonOrFile,
      )}.`,
    );
  }
  if (funders.length > 0) {
    lines.push(
      `${count(funders.length, 'other funder')} ${funders.length === 1 ? 'needs' : 'need'} a real org-id: ${fewOf(
        funders.map((o) => o.name),
        inJsonOrFile,
      )}.`,
    );
  }
  if (conversion.keptIds > 0) {
    lines.push(
      `${count(conversion.keptIds, 'grant id')} kept as written: ${conversion.keptIds === 1 ? 'it already is a 360Giving identifier' : 'they already are 360Giving identifiers'}.`,
    );
  }
  if (conversion.adjustedIds.length > 0) {
    lines.push(
      `${count(conversion.adjustedIds.length, 'grant id')} had to be adjusted to the 360Giving identifier rules: ${fewOf(
        conversion.adjustedIds.map((a) => `${a.record.id} → ${a.grantId}`),
        inJsonOrFile,
      )}.`,
    );
  }
  if (conversion.roundedAmounts.length > 0) {
    lines.push(
      `${count(conversion.roundedAmounts.length, 'amount')} had fractions of a penny and ${conversion.roundedAmounts.length === 1 ? 'was' : 'were'} published rounded to the penny.`,
    );
  }
  return lines;
}

function fundersLine(conversion: Giving360Conversion, whereAll: string): string {
  const described = conversion.funders.map(
    (f) =>
      `${f.name} (${f.id}${orgIdProblem(f.id) ? ', not a real org-id' : ''}) ${f.from === 'given' ? 'for grants whose register names no funder' : 'as the register names it'}`,
  );
  if (described.length === 1) return `Funding organisation: ${described[0]}.`;
  return `${count(described.length, 'funding organisation')}: ${fewOf(
    described.map((d, i) => `${d} on ${count(conversion.funders[i].grants, 'grant')}`),
    whereAll,
  )}.`;
}

/** Everything, for --json: amounts as exact decimal strings in pounds, every list whole. */
export function exportJson(outcome: ExportOutcome): unknown {
  const { conversion } = outcome;
  return {
    workbook: outcome.workbookPath,
    out: outcome.outPath,
    format: outcome.format,
    written: outcome.written,
    model: { ...outcome.model.origin, description: outcome.model.description },
    unit: 'GBP',
    grants: conversion.grants.length,
    total: conversion.total.toString(),
    sourceTotal: conversion.sourceTotal.toString(),
    skippedTotal: conversion.skippedTotal.toString(),
    skipped: conversion.skipped.map((s) => ({
      ref: s.record.id ?? `row ${s.record.row + 1}`,
      reason: s.reason,
      ...(s.cell ? { where: `${s.record.sheet}!${s.cell}` } : {}),
    })),
    funder: conversion.funder ?? null,
    ...(conversion.funderIdProblem ? { funderIdProblem: conversion.funderIdProblem } : {}),
    funders: conversion.funders,
    internalOrganisations: conversion.internalOrganisations,
    keptIds: conversion.keptIds,
    adjustedIds: conversion.adjustedIds.map((a) => ({ ref: a.record.id, grantId: a.grantId })),
    roundedAmounts: conversion.roundedAmounts.map((r) => r.id ?? `row ${r.row + 1}`),
    register: outcome.register,
    findings: outcome.registerFindings,
  };
}
