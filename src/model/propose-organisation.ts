/**
 * The organisation a proposed model is for: only ever the one the user names, since a workbook's title
 * is not a reliable name. A register that names its funder (360Giving's Funding Org:Name) gives a hint,
 * and the funder's org id where the user names that same organisation.
 */
// An org-id as validateModel accepts one: a register's id in another form is not taken.
import { ORG_ID } from './validate';
import { quoteSheetName, toA1 } from '../sheet/a1';
import type { Grid } from '../sheet/grid';
import { headerWords } from '../sheet/tables/header-roles';
import type { Table } from '../sheet/tables/types';
import { normaliseName } from './names';
import { FUNDER_IDENTITY, lineValues } from './propose-names';
import { PLACEHOLDER_ORGANISATION } from './propose-placeholder';
import type { Organisation } from './types';

/** A funder a register names on every line (360Giving's Funding Org:Name), with its org id when it gives one. */
interface RegisterFunder {
  readonly name: string;
  readonly nameCell: string;
  readonly orgId?: string;
}

/**
 * The organisation: only ever the one the user names. Where a register names that same organisation as
 * its funder with an org id, the id is taken from there; otherwise the id is a placeholder, and the
 * register's funder, if any, is reported as a hint rather than used.
 */
export function organisationOf(given: string | undefined, funder: RegisterFunder | undefined, notes: string[]): Organisation {
  const name = given?.replace(/\s+/g, ' ').trim();
  const hint = (): void => {
    if (!funder) return;
    const id = funder.orgId ? ` with org id ${funder.orgId}` : '';
    notes.push(
      `The register names its funder as "${funder.name}"${id} (${funder.nameCell}). If this model is theirs, give that name as the organisation${funder.orgId ? ' and its org id will be taken from the register' : ''}.`,
    );
  };
  if (!name) {
    notes.push(
      `Organisation: a placeholder, "${PLACEHOLDER_ORGANISATION.name}". The workbook's title is not taken as a name: give the organisation's name when proposing (--organisation), or edit the organisation's name, short name and org id.`,
    );
    hint();
    return PLACEHOLDER_ORGANISATION;
  }
  if (funder?.orgId && normaliseName(funder.name) === normaliseName(name)) {
    notes.push(`Organisation: "${name}", as given; its org id ${funder.orgId} is the one the register gives for it as funder (${funder.nameCell}).`);
    return { name, shortName: name, orgId: funder.orgId };
  }
  const initials = name
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0].toUpperCase())
    .join('');
  const orgId = `GB-TBC-${initials || 'EDITME'}`;
  notes.push(
    `Organisation: "${name}", as given. Its org id ${orgId} is a placeholder: find the organisation on org-id.guide (a council's is GB-LAE-…) before publishing a 360Giving export.`,
  );
  hint();
  return { name, shortName: name, orgId };
}

export function registerFunder(tables: readonly Table[], grids: ReadonlyMap<string, Grid>): RegisterFunder | undefined {
  for (const table of tables) {
    const grid = grids.get(table.sheet);
    if (!grid) continue;
    const single = (test: RegExp): { value: string; cell: string } | undefined => {
      const column = table.columns.find((c) => (FUNDER_IDENTITY.test(headerWords(c.header)) || c.role === 'funder') && test.test(headerWords(c.header)));
      if (!column) return undefined;
      const values = lineValues(table, column, grid);
      const distinct = new Set(values.map((v) => v.text.trim()));
      if (distinct.size !== 1) return undefined;
      return { value: values[0].text.trim(), cell: `${quoteSheetName(table.sheet)}!${toA1(values[0].row, column.col)}` };
    };
    const name = single(/\bname\b|^funders?$|^funding body$/);
    if (!name) continue;
    const id = single(/\bidentifier\b|\bid\b/);
    return { name: name.value, nameCell: name.cell, ...(id && ORG_ID.test(id.value) ? { orgId: id.value } : {}) };
  }
  return undefined;
}
