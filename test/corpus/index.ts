/**
 * The generated corpus: realistic UK public-finance tables, clean by construction, each with what it
 * must be read as (test/structure/expected.ts). `injectFault` (faults.ts) breaks one identity in a case.
 */
import { authoritiesByRegion } from './layouts/authorities-by-region';
import { blankRowGroups } from './layouts/blank-row-groups';
import { budgetBook } from './layouts/budget-book';
import { capitalProgramme } from './layouts/capital-programme';
import { grantRegister } from './layouts/grant-register';
import { mopacPriorities } from './layouts/mopac-priorities';
import { outturnForm } from './layouts/outturn-form';
import { paymentsOver500 } from './layouts/payments-over-500';
import { quarterlyMonitoring } from './layouts/quarterly-monitoring';
import { serviceAnalysis } from './layouts/service-analysis';
import { sideBySide } from './layouts/side-by-side';
import { stacked } from './layouts/stacked';
import { subjectiveBudget } from './layouts/subjective-budget';
import { townCouncilAccounts } from './layouts/town-council-accounts';
import type { CorpusCase, LayoutGenerator } from './types';

export type { CorpusCase, LayoutGenerator } from './types';
export { injectFault, supportedFaults } from './faults';
export type { FaultKind } from './faults';

export const LAYOUTS: Readonly<Record<string, LayoutGenerator>> = {
  'subjective-budget': subjectiveBudget,
  'service-analysis': serviceAnalysis,
  'outturn-form': outturnForm,
  'capital-programme': capitalProgramme,
  'quarterly-monitoring': quarterlyMonitoring,
  'grant-register': grantRegister,
  'payments-over-500': paymentsOver500,
  'budget-book': budgetBook,
  'town-council-accounts': townCouncilAccounts,
  'side-by-side': sideBySide,
  stacked: stacked,
  'blank-row-groups': blankRowGroups,
  'mopac-priorities': mopacPriorities,
  'authorities-by-region': authoritiesByRegion,
};

/** Every layout for every seed, in layout order then seed order. */
export function corpus(seeds: readonly number[]): CorpusCase[] {
  return Object.values(LAYOUTS).flatMap((generate) => seeds.map((seed) => generate(seed)));
}
