/** What crosses to and from the engine's worker: money stays exact, grids come back whole. */
import { Money } from '../../src/money/decimal';
import { Grid, errorValue } from '../../src/sheet/grid';
import { decodeGrid, decodeMoney, encodeGrid, encodeMoney } from '../../src/taskpane/engine/codec';

test('money survives structured cloning exactly, inside any structure', () => {
  const value = { total: new Money('53600000.005'), rows: [{ budget: new Money('-0.1'), label: 'A', when: new Date(Date.UTC(2020, 0, 8)) }], none: null };
  // structuredClone refuses decimal.js values as they are; encoded, they pass.
  expect(() => structuredClone(value)).toThrow();
  const back = decodeMoney<typeof value>(structuredClone(encodeMoney(value)));
  expect(Money.isDecimal(back.total)).toBe(true);
  expect(back.total.toString()).toBe('53600000.005');
  expect(back.rows[0].budget.plus(new Money('0.3')).toString()).toBe('0.2');
  expect(back.rows[0].when).toEqual(new Date(Date.UTC(2020, 0, 8)));
  expect(back.rows[0].label).toBe('A');
  expect(back.none).toBeNull();
});

test('bytes pass through untouched', () => {
  const bytes = new Uint8Array([1, 2, 3]);
  const back = decodeMoney<{ bytes: Uint8Array }>(encodeMoney({ bytes }));
  expect(back.bytes).toBe(bytes);
});

test('an object that merely has a $money key among others is left alone', () => {
  const back = decodeMoney<{ a: { $money: string; other: number } }>(encodeMoney({ a: { $money: '1', other: 2 } }));
  expect(back.a).toEqual({ $money: '1', other: 2 });
});

test('a grid comes back with its cells, formulas, formats, errors, merges, hidden rows and visibility', () => {
  const grid = new Grid('LCPF boroughs');
  grid.set(0, 0, 'Borough');
  grid.set(1, 1, 0.5, '£#,##0.0');
  grid.setCell(2, 1, { value: 1.5, formula: 'SUM(B2:B2)' });
  grid.set(3, 4, errorValue('#REF!')!);
  grid.set(5, 0, new Date(Date.UTC(2019, 3, 1)));
  grid.merges.push({ start: { row: 0, col: 0 }, end: { row: 0, col: 3 } });
  grid.hiddenRows.add(4);
  grid.visibility = 'hidden';
  const back = decodeGrid(structuredClone(encodeGrid(grid)));
  expect(back).toBeInstanceOf(Grid);
  expect(back.name).toBe('LCPF boroughs');
  expect(back.rowIndexes()).toEqual([0, 1, 2, 3, 5]);
  expect(back.cell(1, 1)).toEqual({ value: 0.5, numFmt: '£#,##0.0' });
  expect(back.cell(2, 1)).toEqual({ value: 1.5, formula: 'SUM(B2:B2)' });
  expect(back.value(3, 4)).toEqual({ kind: 'error', code: '#REF!' });
  expect(back.value(5, 0)).toEqual(new Date(Date.UTC(2019, 3, 1)));
  expect(back.merges).toEqual(grid.merges);
  expect([...back.hiddenRows]).toEqual([4]);
  expect(back.visibility).toBe('hidden');
  expect(back.colCount).toBe(5);
});
