/**
 * Input workbooks for the package validation: the sample, edited the ways workbooks in the wild differ
 * (a chart sheet, a pivot table, macros, capitalised part names, a sheet named like a cell reference).
 * Each edit keeps the input itself valid, so a problem in a copy is the writer's.
 */
import JSZip from 'jszip';

const SML = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = `${R}/`;
const CT = 'application/vnd.openxmlformats-officedocument';

export type Edit = (zip: JSZip) => Promise<void> | void;

export async function edited(bytes: Uint8Array, ...edits: Edit[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const edit of edits) await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export async function replaceIn(zip: JSZip, part: string, from: string | RegExp, to: string): Promise<void> {
  const before = await zip.file(part)!.async('string');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${part} has no ${String(from)}`);
  zip.file(part, after);
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`;

const CHART = xml(
  `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">` +
    `<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Budget lines'!$F$2:$F$10</c:f></c:numRef></c:val></c:ser>` +
    `<c:axId val="1"/><c:axId val="2"/></c:barChart>` +
    `<c:catAx><c:axId val="1"/><c:scaling/><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>` +
    `<c:valAx><c:axId val="2"/><c:scaling/><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>` +
    `</c:plotArea></c:chart></c:chartSpace>`,
);

const CHART_DRAWING = xml(
  `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8660000" cy="6300000"/>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`,
);

const CHARTSHEET = xml(
  `<chartsheet xmlns="${SML}" xmlns:r="${R}"><sheetPr/><sheetViews><sheetView zoomToFit="1" workbookViewId="0"/></sheetViews>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`,
);

const rels = (...items: [id: string, type: string, target: string][]) =>
  xml(
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      items.map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}${type}" Target="${target}"/>`).join('') +
      `</Relationships>`,
  );

const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;

/** A chart sheet ("Chart1", sheetId 12) listed second, as Excel lists one moved beside the sheet it charts. */
export const addChartSheet: Edit = async (zip) => {
  zip.file('xl/chartsheets/sheet1.xml', CHARTSHEET);
  zip.file('xl/chartsheets/_rels/sheet1.xml.rels', rels(['rId1', 'drawing', '../drawings/drawing1.xml']));
  zip.file('xl/drawings/drawing1.xml', CHART_DRAWING);
  zip.file('xl/drawings/_rels/drawing1.xml.rels', rels(['rId1', 'chart', '../charts/chart1.xml']));
  zip.file('xl/charts/chart1.xml', CHART);
  await replaceIn(zip, 'xl/workbook.xml', /(<sheet sheetId="1" [^>]*\/>)/, '$1<sheet sheetId="12" name="Chart1" r:id="rId90"/>');
  await replaceIn(
    zip,
    'xl/_rels/workbook.xml.rels',
    '</Relationships>',
    `<Relationship Id="rId90" Type="${REL}chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
  );
  await replaceIn(
    zip,
    '[Content_Types].xml',
    '</Types>',
    override('/xl/chartsheets/sheet1.xml', `${CT}.spreadsheetml.chartsheet+xml`) +
      override('/xl/drawings/drawing1.xml', `${CT}.drawing+xml`) +
      override('/xl/charts/chart1.xml', `${CT}.drawingml.chart+xml`) +
      '</Types>',
  );
};

/** A sheet "Pivot" with a small pivot table (sum of amount by area) over data on the same sheet. */
export const addPivotTable: Edit = async (zip) => {
  const cell = (r: string, v: string | number) =>
    typeof v === 'number' ? `<c r="${r}"><v>${v}</v></c>` : `<c r="${r}" t="inlineStr"><is><t>${v}</t></is></c>`;
  zip.file(
    'xl/worksheets/pivot.xml',
    xml(
      `<worksheet xmlns="${SML}" xmlns:r="${R}"><sheetData>` +
        `<row r="1">${cell('D1', 'Area')}${cell('E1', 'Amount')}</row>` +
        `<row r="2">${cell('D2', 'North')}${cell('E2', 1)}</row>` +
        `<row r="3">${cell('A3', 'Row Labels')}${cell('B3', 'Sum of Amount')}${cell('D3', 'South')}${cell('E3', 2)}</row>` +
        `<row r="4">${cell('A4', 'North')}${cell('B4', 1)}</row>` +
        `<row r="5">${cell('A5', 'South')}${cell('B5', 2)}</row>` +
        `<row r="6">${cell('A6', 'Grand Total')}${cell('B6', 3)}</row>` +
        `</sheetData></worksheet>`,
    ),
  );
  zip.file('xl/worksheets/_rels/pivot.xml.rels', rels(['rId1', 'pivotTable', '../pivotTables/pivotTable1.xml']));
  zip.file(
    'xl/pivotCache/pivotCacheDefinition1.xml',
    xml(
      `<pivotCacheDefinition xmlns="${SML}" xmlns:r="${R}" refreshOnLoad="1">` +
        `<cacheSource type="worksheet"><worksheetSource ref="D1:E3" sheet="Pivot"/></cacheSource>` +
        `<cacheFields count="2"><cacheField name="Area" numFmtId="0"><sharedItems count="2"><s v="North"/><s v="South"/></sharedItems></cacheField>` +
        `<cacheField name="Amount" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="2"/></cacheField></cacheFields>` +
        `</pivotCacheDefinition>`,
    ),
  );
  zip.file(
    'xl/pivotTables/pivotTable1.xml',
    xml(
      `<pivotTableDefinition xmlns="${SML}" name="PivotTable1" cacheId="1" dataCaption="Values" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" updatedVersion="6" minRefreshableVersion="3" createdVersion="6" useAutoFormatting="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1">` +
        `<location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>` +
        `<pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields>` +
        `<rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems>` +
        `<colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Amount" fld="1" baseField="0" baseItem="0"/></dataFields>` +
        `</pivotTableDefinition>`,
    ),
  );
  zip.file('xl/pivotTables/_rels/pivotTable1.xml.rels', rels(['rId1', 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml']));
  await replaceIn(zip, 'xl/workbook.xml', '</sheets>', '<sheet sheetId="13" name="Pivot" r:id="rId91"/></sheets>');
  await replaceIn(zip, 'xl/workbook.xml', '</workbook>', '<pivotCaches><pivotCache cacheId="1" r:id="rId92"/></pivotCaches></workbook>');
  await replaceIn(
    zip,
    'xl/_rels/workbook.xml.rels',
    '</Relationships>',
    `<Relationship Id="rId91" Type="${REL}worksheet" Target="worksheets/pivot.xml"/><Relationship Id="rId92" Type="${REL}pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
  );
  await replaceIn(
    zip,
    '[Content_Types].xml',
    '</Types>',
    override('/xl/worksheets/pivot.xml', `${CT}.spreadsheetml.worksheet+xml`) +
      override('/xl/pivotTables/pivotTable1.xml', `${CT}.spreadsheetml.pivotTable+xml`) +
      override('/xl/pivotCache/pivotCacheDefinition1.xml', `${CT}.spreadsheetml.pivotCacheDefinition+xml`) +
      '</Types>',
  );
};

export const VBA = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 7, 7, 7]);

/** A macro-enabled workbook: the macro-enabled main content type and a (stand-in) VBA project part. */
export const makeMacroEnabled: Edit = async (zip) => {
  await replaceIn(zip, '[Content_Types].xml', `${CT}.spreadsheetml.sheet.main+xml`, 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  await replaceIn(
    zip,
    '[Content_Types].xml',
    '<Default Extension="xml"',
    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"',
  );
  await replaceIn(
    zip,
    'xl/_rels/workbook.xml.rels',
    '</Relationships>',
    '<Relationship Id="rId93" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
  );
  zip.file('xl/vbaProject.bin', VBA);
};

/** Worksheet parts named xl/worksheets/Sheet1.xml…, relationships and content types naming them so. */
export const capitaliseSheetParts: Edit = async (zip) => {
  const names = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  for (const name of names) {
    const capital = name.replace('/sheet', '/Sheet');
    zip.file(capital, await zip.file(name)!.async('uint8array'));
    zip.remove(name);
    const rels = name.replace('worksheets/', 'worksheets/_rels/') + '.rels';
    if (zip.file(rels)) {
      zip.file(capital.replace('worksheets/', 'worksheets/_rels/') + '.rels', await zip.file(rels)!.async('uint8array'));
      zip.remove(rels);
    }
    const base = name.slice('xl/'.length);
    await replaceIn(zip, 'xl/_rels/workbook.xml.rels', `Target="${base}"`, `Target="${base.replace('/sheet', '/Sheet')}"`);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    if (types.includes(`PartName="/${name}"`)) await replaceIn(zip, '[Content_Types].xml', `PartName="/${name}"`, `PartName="/${capital}"`);
  }
};

/** The budget lines sheet renamed "BUD2020", which is also a cell reference, so every reference to it must quote it. */
export const renameBudgetSheetLikeACell: Edit = async (zip) => {
  await replaceIn(zip, 'xl/workbook.xml', 'name="Budget lines"', 'name="BUD2020"');
};
