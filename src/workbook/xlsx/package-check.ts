/**
 * The report copy carries the user's parts over as they are, so a damaged part would reach the copy
 * and Excel would call the copy damaged. Every XML part is parsed (saxes, the strict parser ExcelJS
 * itself uses) before anything is written, and a damaged one stops the write with the part named.
 * VML drawings are left out: Excel writes them as HTML-like markup that is not well-formed XML.
 */
import type JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { UnreadableWorkbookError } from './errors';
import { sheetParts } from './package-parts';
import { readXmlPart } from './write-xml';

/** The first well-formedness error in `xml` ("2:14: unexpected close tag."), or undefined. */
function xmlError(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  parser.on('error', (err: Error) => {
    error ??= err.message;
  });
  parser.write(xml).close();
  return error;
}

/** @throws UnreadableWorkbookError naming the first part that is not well-formed XML. */
export async function assertWellFormedParts(zip: JSZip): Promise<void> {
  const paths = Object.keys(zip.files).filter((path) => !zip.files[path].dir && /\.(xml|rels)$/i.test(path));
  for (const path of paths) {
    // Decoded as XML is (byte-order mark, declared encoding), not as UTF-8 always: SharePoint writes
    // customXml parts in UTF-16, which are well-formed.
    const error = xmlError((await readXmlPart(zip.file(path)!)).text);
    if (error === undefined) continue;
    const sheet = (await sheetParts(zip).catch(() => [])).find((s) => s.path === path);
    const what = sheet ? `its sheet "${sheet.name}" (${path})` : `its part ${path}`;
    throw new UnreadableWorkbookError(
      `the workbook is damaged: ${what} is not well-formed XML (${error.replace(/\.$/, '')}). ` +
        'Open it in Excel, which offers to repair it, save it and run again. Nothing was written.',
    );
  }
}
