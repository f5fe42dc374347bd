/**
 * A "payments over £500" transparency file (Local Government Transparency Code): Body name | Date |
 * Transaction number | Supplier | Expense type | Service area | Amount (£), pounds and pence, tens to
 * hundreds of rows, no totals. Exercises: a long register-like table, numeric transaction numbers that
 * are identifiers, dates, the same text repeated down a column (body name, suppliers), a redacted
 * supplier, an optional title above the header.
 */
import { Grid } from '../../../src/sheet/grid';
import type { ExpectedTable } from '../../structure/expected';
import { Random } from '../random';
import { dateCell, moneyCell, rangeA1, GridWriter } from '../sheet';
import type { CorpusCase } from '../types';

export const LAYOUT = 'payments-over-500';

const BODIES = [
  'Eastbridge Borough Council',
  'Northshire County Council',
  'Wealdon District Council',
  'Kingsmere Borough Council',
  'Midshire Fire and Rescue Authority',
];

/** `contract`: a supplier whose monthly payments can run to six figures. */
const SUPPLIERS: readonly { readonly name: string; readonly expense: string; readonly contract?: boolean }[] = [
  { name: 'Amey Highways Ltd', expense: 'Highways maintenance', contract: true },
  { name: 'Biffa Municipal Ltd', expense: 'Waste collection contract', contract: true },
  { name: 'British Gas Business', expense: 'Gas' },
  { name: 'EDF Energy Customers Ltd', expense: 'Electricity' },
  { name: 'Northshire Care Homes Ltd', expense: 'Residential care', contract: true },
  { name: 'Bluebird Care (Eastbridge)', expense: 'Home care' },
  { name: 'Capita Business Services Ltd', expense: 'Contracted services', contract: true },
  { name: 'Softcat plc', expense: 'ICT software licences' },
  { name: 'Lyreco UK Ltd', expense: 'Stationery' },
  { name: 'Zurich Municipal', expense: 'Insurance premiums' },
  { name: 'Hays Specialist Recruitment Ltd', expense: 'Agency staff' },
  { name: 'Kier Construction Ltd', expense: 'Building works', contract: true },
  { name: 'Riverside Youth Project', expense: 'Grants to voluntary organisations' },
  { name: 'Eastbridge Foodbank', expense: 'Grants to voluntary organisations' },
  { name: 'Travelwise Coaches Ltd', expense: 'Home to school transport' },
  { name: 'Redacted - personal data', expense: 'Foster carer allowances' },
];

const SERVICE_AREAS = [
  'Adult Social Care',
  "Children's Services",
  'Environment and Waste',
  'Highways',
  'Corporate Services',
  'Housing',
  'Culture and Leisure',
  'Education',
];

export function paymentsOver500(seed: number): CorpusCase {
  const rng = new Random(seed, LAYOUT);
  const body = rng.pick(BODIES);
  const year = rng.int(2019, 2023);
  const month = rng.int(1, 12);
  const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  const count = rng.chance(0.4) ? rng.int(200, 600) : rng.int(30, 120);
  const grid = new Grid(rng.pick([`${monthName} ${year}`, 'Payments over £500', 'Spend', 'Sheet1']));
  const w = new GridWriter(grid);

  if (rng.chance(0.4)) {
    w.write([`${body}: payments over £500, ${monthName} ${year}`]);
    if (rng.chance(0.5)) w.skip();
  }
  const header = w.write(['Body name', 'Date', 'Transaction number', 'Supplier', 'Expense type', 'Service area', 'Amount (£)']);
  const amountFormat = rng.pick(['#,##0.00', '"£"#,##0.00', undefined]);
  let transaction = rng.int(5_100_000, 5_900_000) * 1_000 + rng.int(0, 999);
  const days = Array.from({ length: count }, () => rng.int(1, 28)).sort((a, b) => a - b);
  let last = header;
  for (let i = 0; i < count; i++) {
    const supplier = rng.pick(SUPPLIERS);
    // Most payments are a few thousand pounds; now and then a large contract payment.
    const amount = rng.amount(500, supplier.contract && rng.chance(0.25) ? 250_000 : 8_000, 2);
    transaction += rng.int(1, 40);
    last = w.write([
      body,
      dateCell(year, month, days[i]),
      transaction,
      supplier.name,
      supplier.expense,
      rng.pick(SERVICE_AREAS),
      moneyCell(amount, amountFormat),
    ]);
  }

  const table: ExpectedTable = {
    sheet: grid.name,
    range: rangeA1(header, 0, last, 6),
    unit: '£',
    kinds: { A: 'text', B: 'date', C: 'identifier', D: 'text', E: 'text', F: 'text', G: 'money' },
  };
  return { name: `${LAYOUT}#${seed}`, layout: LAYOUT, workbook: { sheets: [grid] }, tables: [table] };
}
