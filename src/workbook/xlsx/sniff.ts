/**
 * Says what a file is before ExcelJS sees it, so that a wrong file gets one clear sentence
 * instead of a zip library's stack trace.
 */
type FileKind = 'empty' | 'zip' | 'ole2' | 'other';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
// OLE2 compound files: legacy .xls, and .xlsx files saved with a password (Excel encrypts them into OLE2).
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export function sniffFile(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return 'zip';
  if (startsWith(bytes, OLE2_MAGIC)) return 'ole2';
  return 'other';
}
