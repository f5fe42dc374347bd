/**
 * A workbook as openpyxl, pandas and report generators save one: every formula without its saved result
 * (an empty <v> or none) and <calcPr fullCalcOnLoad="1"/>, asking the spreadsheet to calculate on open.
 */
import JSZip from 'jszip';

const FORMULA_THEN_VALUE = /(<c\b[^>]*>)(<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>)<v>[^<]*<\/v>/g;

export async function withoutSavedResults(bytes: Uint8Array, emptyValue = false): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    // A text or error result's type goes with it: an empty formula cell is a number cell.
    const stripped = xml.replace(
      FORMULA_THEN_VALUE,
      (_m, open: string, formula: string) => `${open.replace(/\s+t="(?:str|e|b)"/, '')}${formula}${emptyValue ? '<v></v>' : ''}`,
    );
    zip.file(name, stripped);
  }
  const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
  const calc = /<calcPr\b[^>]*\/>/.test(workbookXml)
    ? workbookXml.replace(/<calcPr\b([^>]*?)\s*\/>/, (_m, attrs: string) => `<calcPr${attrs.replace(/\s+fullCalcOnLoad="[^"]*"/, '')} fullCalcOnLoad="1"/>`)
    : workbookXml.replace('</workbook>', '<calcPr fullCalcOnLoad="1"/></workbook>');
  zip.file('xl/workbook.xml', calc);
  return zip.generateAsync({ type: 'uint8array' });
}
