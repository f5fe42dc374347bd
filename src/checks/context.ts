/** What every rule sees: the tables found, the model, and the model's names indexed for fast lookup. */
import type { CommissioningModel } from '../model/types';
import type { ModelNames } from '../model/model-names';
import type { Grid } from '../sheet/grid';
import type { FormulaReport } from '../sheet/formulas/report';
import type { Table } from '../sheet/tables/types';

export interface CheckContext {
  readonly model: CommissioningModel;
  readonly names: ModelNames;
  readonly tables: readonly Table[];
  readonly grids: ReadonlyMap<string, Grid>;
  /** Award dates after this are in the future. */
  readonly today: Date;
  /** What calculating the workbook's formulas found, when it was read from a file. */
  readonly formulas?: FormulaReport;
}
