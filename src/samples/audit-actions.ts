/** DARA audit actions and the statuses the two panel reports give them. */
import type { SourceNote } from '../model/types';
import { asArray, asObject, isoDateField, stringField, stringList } from './json-fields';
import { readSource } from './seed-source';

interface AuditAction {
  readonly ref: string;
  readonly action: string;
  readonly raised: string;
  readonly owner: string;
  readonly status: string;
  /** First day of the month the status was stated. */
  readonly statusDate: Date;
  readonly update: string;
  readonly source: SourceNote;
}

interface AuditActionTable {
  readonly title: string;
  readonly actions: readonly AuditAction[];
}

export interface AuditActionsSheet {
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly tables: readonly AuditActionTable[];
  readonly notes: readonly string[];
}

function readAction(value: unknown, where: string): AuditAction {
  const obj = asObject(value, where);
  return {
    ref: stringField(obj, 'ref', where),
    action: stringField(obj, 'action', where),
    raised: stringField(obj, 'raised', where),
    owner: stringField(obj, 'owner', where),
    status: stringField(obj, 'status', where),
    statusDate: isoDateField(obj, 'statusDate', where),
    update: stringField(obj, 'update', where),
    source: readSource(obj.source, `${where}.source`),
  };
}

export function readAuditActionsSheet(value: unknown, where: string): AuditActionsSheet {
  const obj = asObject(value, where);
  return {
    sheet: stringField(obj, 'sheet', where),
    headers: stringList(obj.headers, `${where}.headers`),
    tables: asArray(obj.tables, `${where}.tables`).map((item, i) => {
      const at = `${where}.tables[${i}]`;
      const table = asObject(item, at);
      return {
        title: stringField(table, 'title', at),
        actions: asArray(table.actions, `${at}.actions`).map((a, j) => readAction(a, `${at}.actions[${j}]`)),
      };
    }),
    notes: stringList(obj.notes, `${where}.notes`),
  };
}
