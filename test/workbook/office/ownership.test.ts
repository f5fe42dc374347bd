import { SheetSpecError } from '../../../src/workbook/layout/errors';
import { planWrite, referencedSheet, type WorkbookState } from '../../../src/workbook/office/ownership';

const state = (partial: Partial<WorkbookState>): WorkbookState => ({ sheets: [], names: [], tables: [], ...partial });

describe('referencedSheet', () => {
  test.each([
    ['Rollup!$A$1', 'Rollup'],
    ['=Rollup!$A$1', 'Rollup'],
    ["'Panel report'!$A$1", 'Panel report'],
    ["'It''s mine'!$B$2:$C$3", "It's mine"],
  ])('%s refers to %s', (value, sheet) => expect(referencedSheet(value)).toBe(sheet));

  test.each(['#REF!', '=#REF!$A$1', '42', '[1]Other!$A$1', ''])('%s refers to no sheet of this workbook', (value) =>
    expect(referencedSheet(value)).toBeUndefined(),
  );
});

describe('planWrite', () => {
  test('rewrites a marked sheet in place, keeping its marker, and adds the rest', () => {
    const plan = planWrite(
      state({
        sheets: [
          { name: 'Budget lines', position: 0 },
          { name: 'rollup', position: 1 },
          { name: 'CW new Rollup', position: 2 },
        ],
        names: [{ name: 'cw_generated_rollup', value: 'rollup!$A$1' }],
      }),
      ['Rollup', 'Findings'],
      ['CW_Rollup', 'CW_Findings'],
    );
    expect(plan.sheets).toEqual([
      { kind: 'replace', name: 'Rollup', markerName: 'CW_GENERATED_Rollup', existingName: 'rollup', position: 1, marked: true },
      { kind: 'add', name: 'Findings', markerName: 'CW_GENERATED_Findings' },
    ]);
    expect(plan.namesToDelete).toEqual([]);
  });

  test('replaces a marker holding a new marker name once its sheet exists, deletes other broken markers last, keeps the rest', () => {
    const plan = planWrite(
      state({
        sheets: [
          { name: 'Rollup 2019', position: 0 },
          { name: 'Register', position: 1 },
        ],
        names: [
          { name: 'CW_GENERATED_Rollup', value: "'Rollup 2019'!$A$1" },
          { name: 'CW_GENERATED_Findings', value: '#REF!' },
          { name: 'CW_GENERATED_Register', value: 'Register!$A$1' },
          { name: 'UserName', value: 'Register!$B$2' },
        ],
      }),
      ['Rollup'],
      [],
    );
    expect(plan.sheets).toEqual([{ kind: 'add', name: 'Rollup', markerName: 'CW_GENERATED_Rollup', staleMarker: 'CW_GENERATED_Rollup' }]);
    expect(plan.namesToDelete).toEqual(['CW_GENERATED_Findings']);
  });

  test('a marker comment is not needed: the .xlsx writer cannot write one', () => {
    const marked = state({ sheets: [{ name: 'Rollup', position: 0 }], names: [{ name: 'CW_GENERATED_Rollup', value: 'Rollup!$A$1' }] });
    expect(planWrite(marked, ['Rollup'], []).sheets[0].kind).toBe('replace');
  });

  test('keeps an unmarked sheet of a generated name, writing ours beside it, and refuses names taken elsewhere', () => {
    const sheets = [
      { name: 'Rollup', position: 0 },
      { name: 'Other', position: 1 },
    ];
    expect(planWrite(state({ sheets }), ['Rollup'], []).sheets[0]).toMatchObject({ kind: 'add', name: 'Rollup (2)', markerName: 'CW_GENERATED_Rollup__2_' });
    // A marker pointing at another sheet does not make the user's Rollup ours.
    const elsewhere = planWrite(state({ sheets, names: [{ name: 'CW_GENERATED_Rollup', value: 'Other!$A$1' }] }), ['Rollup'], []);
    expect(elsewhere.sheets[0]).toMatchObject({ kind: 'add', name: 'Rollup (2)' });
    // Ours from an earlier run under "(2)" is the one replaced.
    const again = planWrite(
      state({ sheets: [...sheets, { name: 'Rollup (2)', position: 2 }], names: [{ name: 'CW_GENERATED_Rollup__2_', value: "'Rollup (2)'!$A$1" }] }),
      ['Rollup'],
      [],
    );
    expect(again.sheets[0]).toMatchObject({ kind: 'replace', name: 'Rollup (2)', existingName: 'Rollup (2)', marked: true });
    expect(() => planWrite(state({ sheets, tables: [{ name: 'cw_rollup', sheet: 'Other' }] }), ['Findings'], ['CW_Rollup'])).toThrow(
      'the workbook already has a table on sheet "Other" called "CW_Rollup"; rename it and run again',
    );
    expect(() => planWrite(state({}), ['Rollup', 'rollup'], [])).toThrow(SheetSpecError);
    expect(() => planWrite(state({}), ['Rollup'], ['T', 't'])).toThrow('two generated tables are both called "t"');
    expect(() => planWrite(state({}), ['Budget lines'], [])).toThrow('"Budget lines" is not one of the sheets');
  });

  test('a table on a sheet being replaced does not block its own name', () => {
    const plan = planWrite(
      state({
        sheets: [{ name: 'Rollup', position: 0 }],
        names: [{ name: 'CW_GENERATED_Rollup', value: 'Rollup!$A$1' }],
        tables: [{ name: 'CW_Rollup', sheet: 'Rollup' }],
      }),
      ['Rollup'],
      ['CW_Rollup'],
    );
    expect(plan.sheets[0].kind).toBe('replace');
  });
});
