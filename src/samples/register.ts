/** The contracts and grants register sample: records from the seeds, with illustrative fields marked in notes. */
import Decimal from 'decimal.js';
import type { SourceNote } from '../model/types';
import { asArray, asObject, DataFileError, isoDateField, oneOf, optionalStringField, stringField, stringList } from './json-fields';
import { parseSeedAmount } from './seed-amount';
import { readSources } from './seed-source';

interface RegisterRecord {
  readonly ref: string;
  readonly title: string;
  readonly recipient: string;
  readonly type: 'Contract' | 'Grant';
  /** Whole pounds as a decimal string. */
  readonly amountPounds: string;
  /** Where the seed states the amount. */
  readonly amountSource: string;
  readonly awardDate: Date;
  readonly startDate: Date;
  readonly endDate: Date;
  readonly priorityArea: string;
  readonly fundingStream: string;
  readonly borough?: string;
  readonly procurementRoute: string;
  readonly status: string;
  readonly performanceRag: 'Green' | 'Amber' | 'Red';
  readonly outcomes: string;
}

export interface RegisterSheet {
  readonly sheet: string;
  readonly funder: string;
  readonly headers: readonly string[];
  readonly records: readonly RegisterRecord[];
  readonly notes: readonly string[];
  readonly sources: readonly SourceNote[];
}

function readRecord(value: unknown, where: string): RegisterRecord {
  const obj = asObject(value, where);
  const millions = parseSeedAmount(stringField(obj, 'amountMillions', where));
  if (millions.kind !== 'number') throw new DataFileError(`${where}.amountMillions`, 'expected a figure in £m');
  const record = {
    ref: stringField(obj, 'ref', where),
    title: stringField(obj, 'title', where),
    recipient: stringField(obj, 'recipient', where),
    type: oneOf(obj, 'type', ['Contract', 'Grant'] as const, where),
    amountPounds: new Decimal(millions.decimal).times(1_000_000).toFixed(0),
    amountSource: stringField(obj, 'amountSource', where),
    awardDate: isoDateField(obj, 'awardDate', where),
    startDate: isoDateField(obj, 'startDate', where),
    endDate: isoDateField(obj, 'endDate', where),
    priorityArea: stringField(obj, 'priorityArea', where),
    fundingStream: stringField(obj, 'fundingStream', where),
    procurementRoute: stringField(obj, 'procurementRoute', where),
    status: stringField(obj, 'status', where),
    performanceRag: oneOf(obj, 'performanceRag', ['Green', 'Amber', 'Red'] as const, where),
    outcomes: stringField(obj, 'outcomes', where),
  };
  const borough = optionalStringField(obj, 'borough', where);
  if (record.endDate < record.startDate) throw new DataFileError(where, 'ends before it starts');
  if (record.awardDate > record.startDate) throw new DataFileError(where, 'is awarded after it starts');
  return borough === undefined ? record : { ...record, borough };
}

export function readRegisterSheet(value: unknown, where: string): RegisterSheet {
  const obj = asObject(value, where);
  const records = asArray(obj.records, `${where}.records`).map((r, i) => readRecord(r, `${where}.records[${i}]`));
  const refs = records.map((r) => r.ref);
  const repeated = refs.find((ref, i) => refs.indexOf(ref) !== i);
  if (repeated !== undefined) throw new DataFileError(where, `register ref ${repeated} is used twice`);
  return {
    sheet: stringField(obj, 'sheet', where),
    funder: stringField(obj, 'funder', where),
    headers: stringList(obj.headers, `${where}.headers`),
    records,
    notes: stringList(obj.notes, `${where}.notes`),
    sources: readSources(obj.sources, `${where}.sources`),
  };
}
