/**
 * A grants register in the 360Giving flat spreadsheet layout, header in row 1: Identifier, Title,
 * Description, Currency, Amount Awarded, Award Date (dates, dd/mm/yyyy), recipient and funder
 * identifiers and names, charity number, Duration (months). Some seeds add a Total row at the foot.
 * Exercises: a register (one row per grant), text and numeric identifiers that are never money,
 * dates, a count column, pence in some seeds, a repeated recipient (not a duplicate grant).
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedTable } from '../../structure/expected';
import { Amount, sum } from '../money';
import { Random } from '../random';
import { CellSpec, dateCell, excelRow, moneyCell, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'grant-register';

const FUNDERS: readonly { readonly name: string; readonly id: string; readonly prefix: string }[] = [
  { name: 'Eastbridge Borough Council', id: 'GB-LAE-EBR', prefix: '360G-EBC' },
  { name: 'Northshire County Council', id: 'GB-LAE-NSH', prefix: '360G-NCC' },
  { name: 'Office of the Police and Crime Commissioner for Midshire', id: 'GB-GOR-PC000456', prefix: '360G-OPCCMID' },
  { name: 'Wealdon Town Council', id: 'GB-LAE-WLD', prefix: '360G-WTC' },
];

/** Recipients: a charity number, or none for a community interest company. */
const RECIPIENTS: readonly { readonly name: string; readonly charity?: number; readonly company?: string }[] = [
  { name: 'Eastbridge Foodbank', charity: 1136512 },
  { name: 'Age Concern Midshire', charity: 1081234 },
  { name: 'Riverside Youth Project', charity: 1154021 },
  { name: "St Luke's Community Centre", charity: 1029874 },
  { name: "Women's Aid Midshire", charity: 1099341 },
  { name: 'Citizens Advice Eastbridge', charity: 1105567 },
  { name: 'Home-Start Northshire', charity: 1123090 },
  { name: 'Brighter Futures Trust', charity: 1170233 },
  { name: 'Kingsmere Mind', charity: 1068812 },
  { name: 'Victim Support Midshire', charity: 1047789 },
  { name: 'Greenway Allotment Society', charity: 1190045 },
  { name: 'Northshire Carers Centre', charity: 1142276 },
  { name: 'Eastbridge Community Transport CIC', company: '09876543' },
  { name: 'Wealdon Arts Collective CIC', company: '11223344' },
  { name: 'Safer Streets Mentoring CIC', company: '12034567' },
];

const PURPOSES: readonly { readonly title: string; readonly description: string }[] = [
  { title: 'Community grant', description: 'Running costs for weekly drop-in sessions for older residents.' },
  { title: 'Youth diversion project', description: 'Mentoring and sport sessions for young people at risk of exploitation.' },
  { title: 'Winter support fund', description: 'Emergency food parcels and fuel vouchers over the winter months.' },
  { title: 'Domestic abuse advocacy', description: 'Independent domestic violence advisers supporting victims through court.' },
  { title: 'Small grants programme', description: 'Equipment and volunteer expenses for a community garden.' },
  { title: 'Victim support services', description: 'Emotional and practical support for victims of crime referred by police.' },
  { title: 'Cost of living advice', description: 'Debt and benefits advice sessions in libraries and community centres.' },
  { title: 'Carers respite grant', description: 'Short breaks and activity days for unpaid carers.' },
  { title: 'Arts in the community', description: 'A programme of free workshops and a summer festival.' },
  { title: 'Transport for independence', description: 'Door-to-door minibus service for residents with limited mobility.' },
];

export function grantRegister(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  const funder = rng.pick(FUNDERS);
  const year = rng.int(2019, 2023);
  const withPence = rng.chance(0.25);
  const withTotal = rng.chance(0.5);
  const numbersAsNumbers = rng.chance(0.6);
  const amountFormat = rng.pick([withPence ? '#,##0.00' : '#,##0', '"£"#,##0.00', undefined]);
  const grid = new Grid(rng.pick(['Grants', 'grants', '360Giving', `Grants ${year}-${year + 1 - 2000}`]));
  const w = new GridWriter(grid);

  const header = w.write([
    'Identifier',
    'Title',
    'Description',
    'Currency',
    'Amount Awarded',
    'Award Date',
    'Recipient Org:Identifier',
    'Recipient Org:Name',
    'Recipient Org:Charity Number',
    'Funding Org:Identifier',
    'Funding Org:Name',
    'Duration (months)',
  ]);

  const count = rng.int(10, 55);
  let serial = rng.int(1, 900);
  // Award dates run through the financial year in order, all in the past.
  const dayOffsets = Array.from({ length: count }, () => rng.int(0, 360)).sort((a, b) => a - b);
  const amounts: Amount[] = [];
  const rows: number[] = [];
  for (let i = 0; i < count; i++) {
    const recipient = rng.pick(RECIPIENTS);
    const purpose = rng.pick(PURPOSES);
    const amount = rng.amount(500, rng.chance(0.2) ? 60_000 : 10_000, withPence ? 2 : 0);
    amounts.push(amount);
    const awarded = new Date(Date.UTC(year, 3, 1 + dayOffsets[i]));
    const recipientId = recipient.charity !== undefined ? `GB-CHC-${recipient.charity}` : `GB-COH-${recipient.company}`;
    const charityNumber = recipient.charity === undefined ? null : numbersAsNumbers ? recipient.charity : String(recipient.charity);
    rows.push(
      w.write([
        `${funder.prefix}-${year}-${String(serial++).padStart(4, '0')}`,
        purpose.title,
        purpose.description,
        'GBP',
        moneyCell(amount, amountFormat),
        dateCell(awarded.getUTCFullYear(), awarded.getUTCMonth() + 1, awarded.getUTCDate()),
        recipientId,
        recipient.name,
        charityNumber,
        funder.id,
        funder.name,
        rng.pick([6, 12, 12, 12, 18, 24, 36]),
      ]),
    );
  }

  let last = rows[rows.length - 1];
  let totalRow: number | undefined;
  if (withTotal) {
    if (rng.chance(0.4)) w.skip();
    const cells: CellSpec[] = [null, null, null, null, moneyCell(sum(amounts), amountFormat)];
    cells[rng.chance(0.5) ? 0 : 1] = rng.pick(['Total', 'TOTAL', 'Total awarded']);
    totalRow = w.write(cells);
    last = totalRow;
  }

  const table: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(header, 0, last, 11),
    unit: '£',
    ...(totalRow === undefined ? {} : { rowTotals: [{ row: excelRow(totalRow), adds: rows.map(excelRow) }] }),
    kinds: {
      A: 'identifier',
      B: 'text',
      C: 'text',
      D: 'text',
      E: 'money',
      F: 'date',
      G: 'identifier',
      H: 'text',
      I: 'identifier',
      J: 'identifier',
      K: 'text',
      L: 'count',
    },
  };
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables: [table] };
}
