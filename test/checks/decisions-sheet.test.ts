import { readDecisions } from '../../src/checks/decisions-sheet';
import { Grid, type GridWorkbook } from '../../src/sheet/grid';

const HEADER = ['Rule', 'Sheet', 'Cell', 'Decision', 'Reason', 'Date', 'Expected', 'Actual'];

function sheet(name: string, rows: readonly (readonly (string | number | Date | null)[])[], generated = true): Grid {
  const grid = new Grid(name);
  grid.generated = generated;
  rows.forEach((row, r) => row.forEach((value, c) => value !== null && grid.set(r, c, value)));
  return grid;
}

function book(...sheets: Grid[]): GridWorkbook {
  return { sheets: [new Grid('Spend'), ...sheets] };
}

describe('reading the decisions sheet', () => {
  it('reads each row under the header as a decision, past a title and notes above it', () => {
    const read = readDecisions(
      book(
        sheet('Workbench decisions', [
          ['Decisions reviewers made.'],
          [],
          ['Decisions on findings'],
          HEADER,
          ['total-rounding', 'LCPF boroughs', 'B36', 'Accepted', 'Rounding explained', '2020-01-08', '13.8', '13.4'],
          ['duplicate-line', 'Register', '$C$9', 'ignored', null, new Date(Date.UTC(2020, 1, 3)), null, null],
        ]),
      ),
    );
    expect(read.problems).toEqual([]);
    expect(read.sheet).toBe('Workbench decisions');
    expect(read.decisions).toEqual([
      {
        rule: 'total-rounding',
        sheet: 'LCPF boroughs',
        cell: 'B36',
        kind: 'accepted',
        reason: 'Rounding explained',
        date: '2020-01-08',
        expected: '13.8',
        actual: '13.4',
      },
      { rule: 'duplicate-line', sheet: 'Register', cell: 'C9', kind: 'ignored', reason: '', date: '2020-02-03' },
    ]);
  });

  it('finds its own sheet when it had to take a free name, "Workbench decisions (2)"', () => {
    const read = readDecisions(book(sheet('Workbench decisions (2)', [HEADER, ['formula-error', 'Spend', 'C4', 'Ignored', '', '2020-01-08']])));
    expect(read.decisions).toHaveLength(1);
  });

  it('reports a sheet of that name the product did not make, and does not read it', () => {
    const read = readDecisions(book(sheet('Workbench decisions', [HEADER, ['formula-error', 'Spend', 'C4', 'Ignored', '', '2020-01-08']], false)));
    expect(read.decisions).toEqual([]);
    expect(read.problems).toEqual([expect.stringContaining('"Workbench decisions" was not made by Commissioning Workbench')]);
  });

  it('reports a sheet without its header row', () => {
    const read = readDecisions(
      book(
        sheet('Workbench decisions', [
          ['Rule', 'Sheet'],
          ['formula-error', 'Spend'],
        ]),
      ),
    );
    expect(read.decisions).toEqual([]);
    expect(read.problems).toEqual([expect.stringMatching(/no header row with Rule, Sheet, Cell, Decision, Date/)]);
  });

  it('reports each row that cannot be a decision, with its cell, and keeps the others', () => {
    const read = readDecisions(
      book(
        sheet('Workbench decisions', [
          HEADER,
          ['not-a-rule', 'Spend', 'C4', 'Accepted', 'x', '2020-01-08'],
          ['formula-error', 'Spend', 'here', 'Accepted', 'x', '2020-01-08'],
          ['formula-error', 'Spend', 'C5', 'Maybe', 'x', '2020-01-08'],
          ['formula-error', 'Spend', 'C6', 'Accepted', '', '2020-01-08'],
          ['formula-error', 'Spend', 'C7', 'Accepted', 'x', '2020-02-30'],
          ['formula-error', 'Spend', 'C8', 'Accepted', 'Agreed with the panel', '2020-01-08'],
        ]),
      ),
    );
    expect(read.decisions.map((d) => d.cell)).toEqual(['C8']);
    expect(read.problems).toEqual([
      'Workbench decisions!A2: "not-a-rule" is not a rule the product checks; the row is not used.',
      'Workbench decisions!A3: "here" is not a cell address such as B7; the row is not used.',
      'Workbench decisions!A4: "Maybe" is not a decision: write Accepted or Ignored; the row is not used.',
      'Workbench decisions!A5: an accepted finding needs a reason; the row is not used.',
      'Workbench decisions!A6: "2020-02-30" is not a date such as 2020-01-08; the row is not used.',
    ]);
  });

  it('has nothing to say about a workbook without decisions', () => {
    expect(readDecisions(book())).toEqual({ decisions: [], problems: [] });
  });
});
