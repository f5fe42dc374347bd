/** Register records from hand-made grids and from the sample workbook, read the way the export reads them. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { findTables } from '../../../src/budget/tables';
import { defaultModel } from '../../../src/model/json';
import type { CommissioningModel } from '../../../src/model/types';
import { readRegisterRecords, type RegisterRecord } from '../../../src/reports/register-records';
import type { CellValue } from '../../../src/sheet/grid';
import { readXlsx } from '../../../src/workbook/xlsx/read';
import { gridOf } from '../../helpers/grid';
import { requireSharedPath } from '../../helpers/shared-folder';

export const REPO = path.join(__dirname, '..', '..', '..');
export const SAMPLE = path.join(REPO, 'assets', 'samples', 'commissioning-2019-20.xlsx');
/** One of the verbatim 360Giving schemas in the shared folder's reference/ (a clear failure when it is absent). */
export function reference360Giving(file: string): string {
  return requireSharedPath('reference', '360giving', file);
}

export const d = (y: number, m: number, day: number): Date => new Date(Date.UTC(y, m - 1, day));

export const HEADER = ['Ref', 'Title', 'Recipient', 'Type', 'Amount £', 'Award date', 'Start date', 'End date', 'Funder', 'Borough'];

/** A register line with sensible defaults; override any field by header name. */
export function line(overrides: Partial<Record<(typeof HEADER)[number], CellValue | null>> = {}): (CellValue | null)[] {
  const base: Record<string, CellValue | null> = {
    Ref: 'G1',
    Title: 'Youth outreach',
    Recipient: 'Redthread',
    Type: 'Grant',
    'Amount £': 800000,
    'Award date': d(2019, 3, 1),
    'Start date': d(2019, 4, 1),
    'End date': d(2020, 3, 31),
    Funder: 'MOPAC',
    Borough: null,
  };
  return HEADER.map((h) => (h in overrides ? (overrides[h] ?? null) : base[h]));
}

export function recordsFrom(rows: readonly (readonly (CellValue | null)[])[], model: CommissioningModel = defaultModel(), header = HEADER): RegisterRecord[] {
  const workbook = { sheets: [gridOf('Grants', [header, ...rows])] };
  return readRegisterRecords(findTables(workbook, model), workbook, model);
}

export async function sampleRecords(model: CommissioningModel = defaultModel()): Promise<RegisterRecord[]> {
  const workbook = await readXlsx(await fs.readFile(SAMPLE), 'sample');
  return readRegisterRecords(findTables(workbook, model), workbook, model);
}

export async function referenceSchema(file: string): Promise<Record<string, unknown>> {
  return JSON.parse(await fs.readFile(reference360Giving(file), 'utf8')) as Record<string, unknown>;
}
