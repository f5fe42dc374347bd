/**
 * The seed's "Key MOPAC Commissioning Activities for 2019/20" slides: one entry per bullet, grouped
 * under the priority area heading that states its headline. Sheet 1 shows them as published and the
 * "Budget lines" sheet splits the same bullets into budget lines, so both read this one file.
 */
import type { SourceNote } from '../model/types';
import { asArray, asObject, DataFileError, oneOf, optionalStringField, stringField } from './json-fields';
import { parseSeedAmount } from './seed-amount';
import { readSources } from './seed-source';

/** How the budget line's funding stream was chosen: said by the bullet, read off another seed table, or our example. */
export type StreamBasis = 'stated' | 'inferred' | 'illustrative';

interface KeyActivity {
  readonly ref: string;
  readonly label: string;
  /** The stream as the bullet names it (YLF, EIYF, LCPF); absent when the bullet does not say. */
  readonly seedStream?: string;
  /** £m as the seed writes it: "1.4". */
  readonly amountMillions: string;
  readonly fundingStream: string;
  readonly streamBasis: StreamBasis;
  readonly programme?: string;
  /** Why an inferred stream was chosen. */
  readonly basisNote?: string;
}

interface PriorityAreaActivities {
  readonly code: string;
  /** Canonical Police and Crime Plan name. */
  readonly name: string;
  /** The heading as the seed writes it, before its headline: "Tackling Violence Against Women and Girls (VAWG)". */
  readonly seedHeading: string;
  /** The stated headline in £m: "15.0". */
  readonly headline: string;
  readonly activities: readonly KeyActivity[];
}

export interface KeyActivities {
  readonly title: string;
  readonly headers: readonly string[];
  readonly year: string;
  readonly sources: readonly SourceNote[];
  readonly priorityAreas: readonly PriorityAreaActivities[];
}

function millions(obj: Readonly<Record<string, unknown>>, key: string, where: string): string {
  const text = stringField(obj, key, where);
  const amount = parseSeedAmount(text);
  if (amount.kind !== 'number') throw new DataFileError(`${where}.${key}`, `"${text}" must be a figure in £m`);
  return amount.decimal;
}

function readActivity(value: unknown, where: string): KeyActivity {
  const obj = asObject(value, where);
  const line = asObject(obj.budgetLine, `${where}.budgetLine`);
  const seedStream = optionalStringField(obj, 'seedStream', where);
  const programme = optionalStringField(line, 'programme', `${where}.budgetLine`);
  const basisNote = optionalStringField(line, 'basisNote', `${where}.budgetLine`);
  const streamBasis = oneOf(line, 'streamBasis', ['stated', 'inferred', 'illustrative'] as const, `${where}.budgetLine`);
  if ((streamBasis === 'stated') !== (seedStream !== undefined)) {
    throw new DataFileError(`${where}.budgetLine.streamBasis`, 'is "stated" exactly when the bullet names its stream (seedStream)');
  }
  if (streamBasis === 'inferred' && basisNote === undefined) {
    throw new DataFileError(`${where}.budgetLine.basisNote`, 'an inferred stream needs the reason it was inferred');
  }
  return {
    ref: stringField(obj, 'ref', where),
    label: stringField(obj, 'label', where),
    ...(seedStream === undefined ? {} : { seedStream }),
    amountMillions: millions(obj, 'amount', where),
    fundingStream: stringField(line, 'fundingStream', `${where}.budgetLine`),
    streamBasis,
    ...(programme === undefined ? {} : { programme }),
    ...(basisNote === undefined ? {} : { basisNote }),
  };
}

export function readKeyActivities(value: unknown, where: string): KeyActivities {
  const obj = asObject(value, where);
  const headers = asArray(obj.headers, `${where}.headers`);
  const priorityAreas = asArray(obj.priorityAreas, `${where}.priorityAreas`).map((item, i) => {
    const at = `${where}.priorityAreas[${i}]`;
    const area = asObject(item, at);
    return {
      code: stringField(area, 'code', at),
      name: stringField(area, 'name', at),
      seedHeading: stringField(area, 'seedHeading', at),
      headline: millions(area, 'headline', at),
      activities: asArray(area.activities, `${at}.activities`).map((a, j) => readActivity(a, `${at}.activities[${j}]`)),
    };
  });
  const refs = priorityAreas.flatMap((area) => area.activities.map((a) => a.ref));
  const repeated = refs.find((ref, i) => refs.indexOf(ref) !== i);
  if (repeated !== undefined) throw new DataFileError(where, `activity ref ${repeated} is used twice`);
  return {
    title: stringField(obj, 'title', where),
    headers: headers.map((h, i) => {
      if (typeof h !== 'string') throw new DataFileError(`${where}.headers[${i}]`, 'expected text');
      return h;
    }),
    year: stringField(obj, 'year', where),
    sources: readSources(obj.sources, `${where}.sources`),
    priorityAreas,
  };
}

/** The section label as the seed writes it: "Keeping Children and Young People Safe (£15.0m)". */
export function sectionLabel(area: PriorityAreaActivities): string {
  return `${area.seedHeading} (£${area.headline}m)`;
}
