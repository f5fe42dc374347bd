/**
 * Requests to Excel: the runner that opens a request context, and a session that counts
 * `context.sync` calls and keeps each request under a byte budget. Excel on the web refuses a request
 * of 5 MB; the writer aims well under 4 MB, estimating each queued action as the UTF-8 length of its
 * data's JSON plus a fixed allowance for the action itself.
 */

/** What `Excel.run` is: production passes `(batch) => Excel.run(batch)`, tests pass a fake. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The runner inside Excel. `Excel` is only touched when a command runs, so Node can import this module. */
export const excelRun: ExcelRunner = (batch) => Excel.run(batch);

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
