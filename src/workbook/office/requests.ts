/**
 * Requests to Excel: the runner that opens a request context, and a session that counts
 * `context.sync` calls and keeps each request under a byte budget. Excel on the web refuses a request
 * of 5 MB; the writer aims well under 4 MB, estimating each queued action as the UTF-8 length of its
 * data's JSON plus a fixed allowance for the action itself.
 */

/** What a command asks of `Excel.run`; a runner that cannot honour it may ignore it. */
interface ExcelRunOptions {
  /**
   * Wait while the user is editing a cell instead of failing (Excel.RunOptions.delayForCellEdit, ExcelApi 1.11):
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions
   */
  readonly delayForCellEdit?: boolean;
}

/** What `Excel.run` is: production passes `excelRun`, tests pass a fake. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: ExcelRunOptions) => Promise<T>;

/**
 * The runner inside Excel. `Excel` is only touched when a command runs, so Node can import this module.
 * `delayForCellEdit` is passed on only where ExcelApi 1.11 is supported; elsewhere the batch runs as is
 * and a write retries on InvalidOperationInCellEditMode (see runRetryingCellEdit).
 */
export const excelRun: ExcelRunner = (batch, options) =>
  options?.delayForCellEdit && supportsExcelApi('1.11') ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);

/** Whether the host offers an ExcelApi version; false where Office cannot say (an old host, a test double). */
function supportsExcelApi(version: string): boolean {
  try {
    return Office.context.requirements?.isSetSupported?.('ExcelApi', version) === true;
  } catch {
    return false;
  }
}

/** The office.js error code of a failed request, if it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** Excel was in cell-edit mode for every attempt (where delayForCellEdit is not available). */
export class CellEditModeError extends Error {
  constructor() {
    super('Excel is busy editing a cell: press Enter or Esc to finish editing, then run again');
    this.name = 'CellEditModeError';
  }
}

export interface CellEditRetry {
  /** Attempts in all, the first included. Default 4. */
  readonly attempts?: number;
  /** Wait before each retry. Default 1,500 ms. */
  readonly delayMs?: number;
}

/**
 * Runs a batch that changes the workbook, asking Excel to wait out cell-edit mode. Where it cannot
 * (before ExcelApi 1.11, or a runner that ignores the option), a batch refused with
 * InvalidOperationInCellEditMode is run again after a pause, and in the end refused with one clear message.
 * Only safe for batches that re-read what they need: each attempt starts from the workbook as it is.
 */
export async function runRetryingCellEdit<T>(run: ExcelRunner, batch: (context: Excel.RequestContext) => Promise<T>, retry: CellEditRetry = {}): Promise<T> {
  const attempts = Math.max(1, retry.attempts ?? 4);
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(batch, { delayForCellEdit: true });
    } catch (error) {
      if (errorCode(error) !== 'InvalidOperationInCellEditMode') throw error;
      if (attempt >= attempts) throw new CellEditModeError();
      await new Promise((resolve) => setTimeout(resolve, retry.delayMs ?? 1_500));
    }
  }
}

/** The largest request the writer builds, leaving room under 4 MB for what the estimate misses. */
export const DEFAULT_MAX_REQUEST_BYTES = 3_000_000;

/** Allowance for one queued action apart from its data: object path, action type, property name. */
export const ACTION_BYTES = 256;

/** Bytes of `text` in UTF-8, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair is one four-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value));
}

/** Counts syncs and queued bytes for one `Excel.run`; flushes before a request would outgrow its budget. */
export class RequestSession {
  private pendingBytes = 0;
  private syncCount = 0;
  private calculationSuspended = false;

  constructor(
    readonly context: Excel.RequestContext,
    readonly maxRequestBytes: number,
  ) {
    if (!(maxRequestBytes > 0)) throw new RangeError(`the request budget must be a positive number of bytes, not ${maxRequestBytes}`);
  }

  get syncs(): number {
    return this.syncCount;
  }

  get pending(): number {
    return this.pendingBytes;
  }

  /** Room left in the current request. */
  get room(): number {
    return this.maxRequestBytes - this.pendingBytes;
  }

  /** Holds recalculation until the next sync: writing many cells then recalculates once. Re-armed after each sync. */
  suspendCalculation(): void {
    this.context.application.suspendApiCalculationUntilNextSync();
    this.calculationSuspended = true;
    this.pendingBytes += ACTION_BYTES;
  }

  /** Records an action queued on the context. */
  queued(bytes: number = ACTION_BYTES): void {
    this.pendingBytes += bytes;
  }

  /** Sends what is queued first when `bytes` more would not fit in this request. Returns true when it synced. */
  async reserve(bytes: number = ACTION_BYTES): Promise<boolean> {
    if (this.pendingBytes > 0 && this.pendingBytes + bytes > this.maxRequestBytes) {
      await this.flush();
      return true;
    }
    return false;
  }

  /** Sends the queued request; recalculation stays suspended for the next one if it was. */
  async flush(): Promise<void> {
    const resuspend = this.calculationSuspended;
    await this.sync();
    if (resuspend) this.suspendCalculation();
  }

  async sync(): Promise<void> {
    this.pendingBytes = 0;
    this.calculationSuspended = false;
    this.syncCount++;
    await this.context.sync();
  }
}
