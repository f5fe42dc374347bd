/**
 * The model a workbook is checked with when no commissioning model describes it: no names, no stated
 * figures, no organisation but the one the user or the file gives. Rules that compare with a model then
 * have nothing to compare with, and structure, arithmetic, notation and registers are checked as ever.
 */
import type { CommissioningModel, Organisation } from './types';
import { defaultModel } from './json';

/** An organisation known by name only (no org-id until the user gives one). */
export function organisationNamed(name: string): Organisation {
  return { name, shortName: name, orgId: '' };
}

export function neutralModel(organisationName?: string): CommissioningModel {
  const product = defaultModel().settings;
  return {
    schemaVersion: 1,
    organisation: organisationNamed(organisationName ?? ''),
    currency: 'GBP',
    defaultUnit: '£',
    fiscalYearStartMonth: 4,
    years: [],
    priorityAreas: [],
    fundingStreams: [],
    programmes: [],
    boroughs: [],
    commissioningModels: [],
    totals: [],
    // The product's RAG thresholds and rounding policy; figures shown in pounds, as a workbook writes them.
    settings: { ...product, displayUnit: '£', displayDecimals: 0 },
  };
}

/** True for the model of no organisation: nothing to compare a workbook with. */
export function isNeutral(model: CommissioningModel): boolean {
  return model.priorityAreas.length === 0 && model.programmes.length === 0 && model.fundingStreams.length === 0 && model.totals.length === 0;
}
