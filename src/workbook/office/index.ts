/** The Excel adapter: writes table specs, reads grids and navigates, through an injected `Excel.run`. */
export { excelRun, type ExcelRunner, type ExcelRunOptions, DEFAULT_MAX_REQUEST_BYTES, CellEditModeError } from './requests';
export { writeSheetSpecsToExcel, type WriteOptions, type WriteReport } from './write';
export {
  readGridsFromExcel,
  excelWorkbookSource,
  type ReadOptions,
  ReadTooLargeError,
  DEFAULT_MAX_RESPONSE_BYTES,
  EXCEL_MAX_CELLS_PER_READ,
} from './read';
export { select } from './select';
export { NotOurSheetError, SheetSpecError, SheetNotFoundError, WorkbookProtectedError } from './errors';
