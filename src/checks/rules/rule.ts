import type { CheckContext } from '../context';
import type { Finding } from '../finding';
import type { Table } from '../../sheet/tables/types';

/** A rule family that looks at one table at a time. */
export type TableRule = (table: Table, ctx: CheckContext) => Finding[];
/** A rule family that compares figures across tables and with the model. */
export type WorkbookRule = (ctx: CheckContext) => Finding[];
