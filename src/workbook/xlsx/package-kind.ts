/**
 * What kind of Excel file a package is, as its main part's content type says: a workbook (.xlsx), a
 * macro-enabled workbook (.xlsm) or a template of either (.xltx, .xltm). Excel opens a file only when
 * its extension agrees with that content type, and refuses a macro-enabled main part in an .xlsx.
 */
import { readZipDirectory, readZipEntry, type InflateRaw } from './fast/zip';
import { startTags } from './write-xml';

export type PackageKind = 'xlsx' | 'xlsm' | 'xltx' | 'xltm';

export const MAIN_CONTENT_TYPE: Readonly<Record<PackageKind, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  xltx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  xltm: 'application/vnd.ms-excel.template.macroEnabled.main+xml',
};

export function isMacroEnabled(kind: PackageKind): boolean {
  return kind === 'xlsm' || kind === 'xltm';
}

/** The kind a file name's extension says ("report.XLSM" → xlsm), or undefined for another extension. */
export function kindOfFileName(fileName: string): PackageKind | undefined {
  const m = /\.(xlsx|xlsm|xltx|xltm)$/i.exec(fileName);
  return m ? (m[1].toLowerCase() as PackageKind) : undefined;
}

/** The kind [Content_Types].xml gives the workbook part; xlsx when it names none that Excel knows. */
export function kindOfContentTypes(contentTypesXml: string, workbookPart = 'xl/workbook.xml'): PackageKind {
  const override = startTags(contentTypesXml, 'Override').find((o) => (o.attributes.PartName ?? '').toLowerCase() === `/${workbookPart}`.toLowerCase());
  const type =
    override?.attributes.ContentType ??
    startTags(contentTypesXml, 'Default').find((d) => d.attributes.Extension?.toLowerCase() === 'xml')?.attributes.ContentType;
  const kind = (Object.keys(MAIN_CONTENT_TYPE) as PackageKind[]).find((k) => MAIN_CONTENT_TYPE[k] === type);
  return kind ?? 'xlsx';
}

/** The kind of the package in `bytes`, read from its [Content_Types].xml without unpacking the rest; undefined when unreadable. */
export function packageKindOf(bytes: Uint8Array, inflateRaw: InflateRaw): PackageKind | undefined {
  try {
    const entries = readZipDirectory(bytes);
    const entry = [...entries.entries()].find(([name]) => name.toLowerCase() === '[content_types].xml')?.[1];
    if (!entry) return undefined;
    return kindOfContentTypes(new TextDecoder().decode(readZipEntry(bytes, entry, inflateRaw)));
  } catch {
    return undefined;
  }
}
