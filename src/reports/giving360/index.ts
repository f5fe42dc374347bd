/** The 360Giving export: register records to grants, a package or CSV, validated against the standard. */
export { toGiving360, describeTotal, Giving360InputError, Giving360TotalError } from './convert';
export type { Giving360Options, Giving360Conversion, SkippedRecord, InternalOrganisation, AdjustedRecord, FundingOrganisationUse } from './convert';
export { giving360Package, giving360Json, GIVING360_VERSION } from './package';
export { giving360Csv, csvField, neutraliseFormula, GIVING360_CSV_COLUMNS } from './csv';
export { validateGiving360Package } from './validate';
export type { Giving360Validation } from './validate';
export { checkPrefix, safeInternalId, internalOrgId, orgIdProblem, GrantIdAllocator } from './identifiers';
export { charityOrgId, companyOrgId, isPublishableOrgId, readWrittenOrgId } from './org-ids';
export { publishedAmount } from './amount';
export { totalsMismatch } from './reconcile';
export type * from './types';
