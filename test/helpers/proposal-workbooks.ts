/** Generated workbooks a model is proposed from: a council budget by service and year, a grants register by programme. */
import type { CellValue, GridWorkbook } from '../../src/sheet/grid';
import { gridOf } from './grid';

export type Rows = (CellValue | null)[][];

const SERVICES: readonly (readonly [string, readonly string[], string])[] = [
  ['Adult Social Care', ['Residential care', 'Home care', 'Day services'], 'Better Care Fund'],
  ["Children's Services", ['Fostering', 'Children in care', 'Early help'], 'General Fund'],
  ['Environment', ['Waste collection', 'Street cleaning', 'Parks'], 'General Fund'],
  ['Public Health', ['Sexual health', 'Drug and alcohol services', 'Health visiting'], 'Public Health Grant'],
];

/** A budget in £000 by service, two years side by side, a subtotal per service and a grand total (16,620 and 16,830). */
export function councilBudgetRows(): Rows {
  const rows: Rows = [
    ['Anytown Borough Council: revenue budget by service'],
    ['£000'],
    ['Service', 'Activity', 'Funding stream', '2022/23 Budget', '2023/24 Budget'],
  ];
  const grand = [0, 0];
  let k = 0;
  for (const [service, activities, stream] of SERVICES) {
    const sub = [0, 0];
    for (const activity of activities) {
      const figures = [1000 + k * 70, 1100 + k * 55];
      k++;
      figures.forEach((f, i) => (sub[i] += f));
      rows.push([service, activity, stream, ...figures]);
    }
    rows.push([`Total ${service}`, null, null, ...sub]);
    sub.forEach((f, i) => (grand[i] += f));
  }
  rows.push(['Total net budget', null, null, ...grand]);
  return rows;
}

export function councilBudget(): GridWorkbook {
  return { sheets: [gridOf('Budget', councilBudgetRows())] };
}

const PROGRAMMES = ['Community Chest', 'Youth Opportunities Fund', 'Warm Homes', 'Community Chest (CC)'];

/** Sixteen grants under four spellings of three programmes, in two financial years written two ways. */
export function grantsRegisterRows(): Rows {
  const rows: Rows = [['Ref', 'Title', 'Recipient', 'Programme', 'Financial year', 'Amount £', 'Award date']];
  for (let i = 0; i < 16; i++) {
    rows.push([
      `G-${100 + i}`,
      `Grant ${i + 1}`,
      `Recipient ${i + 1}`,
      PROGRAMMES[i % PROGRAMMES.length],
      i < 8 ? '2022/23' : '2023-24',
      2500 + i * 250,
      new Date(Date.UTC(i < 8 ? 2022 : 2023, 5, 1 + i)),
    ]);
  }
  return rows;
}

export function grantsRegister(): GridWorkbook {
  return { sheets: [gridOf('Grants', grantsRegisterRows())] };
}
