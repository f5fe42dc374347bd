/** The Excel adapter: writes table specs, reads grids and navigates, through an injected `Excel.run`. */
export { excelRun, type ExcelRunner, DEFAULT_MAX_REQUEST_BYTES } from './requests';
export { writeSheetSpecsToExcel, type WriteOptions, type WriteReport } from './write';
export {
  readGridsFromExcel,
  excelWorkbookSource,
  defaultCellsPerRead,
  type ReadOptions,
  EXCEL_MAX_CELLS_PER_READ,
  EXCEL_ON_THE_WEB_CELLS_PER_READ,
} from './read';
export { select } from './select';
export { NotOurSheetError, SheetSpecError, SheetNotFoundError } from './errors';
