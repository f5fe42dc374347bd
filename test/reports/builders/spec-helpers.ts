/** Reading table specs back in tests: a formula evaluator of our own, display rounding, and lookups by label. */
import DecimalJs from 'decimal.js';

/** Money's precision, so a quotient computed here matches the engine's digit for digit. */
const Decimal = DecimalJs.clone({ precision: 40 });
type Decimal = DecimalJs;
import { roundToUnit } from '../../../src/money/format';
import { Money } from '../../../src/money/decimal';
import type { SheetSpec, SpecFormula, SpecRow, SpecValue, TableSpec } from '../../../src/reports/spec';

export type Formula = { formula: SpecFormula; value: Decimal | null };

export function isFormula(v: SpecValue | undefined): v is Formula {
  return typeof v === 'object' && v !== null && 'formula' in v;
}

/** A text column's cell as its text: '' when blank; anything else there is a builder bug worth failing on. */
export function textIn(v: SpecValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  throw new Error(`expected text, found ${JSON.stringify(v)}`);
}

/** What a spreadsheet would take from a cell for arithmetic: numbers, money and formula results; blanks and text as nothing. */
export function numberIn(v: SpecValue | undefined): Decimal | null {
  if (v === null || v === undefined || typeof v === 'string' || v instanceof Date) return null;
  if (typeof v === 'number') return new Decimal(v);
  if (isFormula(v)) return v.value === null ? null : new Decimal(v.value);
  if (DecimalJs.isDecimal(v)) return new Decimal(v);
  return null;
}

/** A formula computed the way Excel would from the cells it names (blank counts as zero in arithmetic). */
export function evaluate(table: TableSpec, row: SpecRow, key: string, formula: SpecFormula): Decimal | null {
  switch (formula.op) {
    case 'sum': {
      // "body" is every body row not styled as a subtotal or total (the writers' rule).
      const indexes =
        formula.rows === 'body' ? table.rows.map((_, i) => i).filter((i) => !['subtotal', 'total'].includes(table.rows[i].style ?? '')) : formula.rows;
      return indexes.reduce((sum, i) => sum.plus(numberIn(table.rows[i].cells[key]) ?? 0), new Decimal(0));
    }
    case 'minus':
      return (numberIn(row.cells[formula.a]) ?? new Decimal(0)).minus(numberIn(row.cells[formula.b]) ?? 0);
    case 'percent': {
      const b = numberIn(row.cells[formula.b]);
      if (b === null || b.isZero()) return null;
      return (numberIn(row.cells[formula.a]) ?? new Decimal(0)).div(b).times(100);
    }
  }
}

export interface FormulaCell {
  readonly table: TableSpec;
  readonly row: SpecRow;
  readonly key: string;
  readonly formula: SpecFormula;
  readonly value: Decimal | null;
}

export function formulaCells(table: TableSpec): FormulaCell[] {
  const cells: FormulaCell[] = [];
  for (const row of [...table.rows, ...table.totals]) {
    for (const [key, v] of Object.entries(row.cells)) {
      if (isFormula(v)) cells.push({ table, row, key, formula: v.formula, value: v.value });
    }
  }
  return cells;
}

/** Every formula of every table whose cached value is not what the formula computes, as readable strings. */
export function formulaMismatches(sheet: SheetSpec): string[] {
  const wrong: string[] = [];
  for (const table of sheet.tables) {
    for (const c of formulaCells(table)) {
      const computed = evaluate(table, c.row, c.key, c.formula);
      const same = computed === null || c.value === null ? computed === c.value : computed.eq(c.value);
      if (!same) wrong.push(`${table.name} ${c.key} ${JSON.stringify(c.formula)}: cached ${String(c.value)}, computes ${String(computed)}`);
    }
  }
  return wrong;
}

export function tableNamed(sheet: SheetSpec, name: string): TableSpec {
  const table = sheet.tables.find((t) => t.name === name);
  if (!table) throw new Error(`no table ${name} on ${sheet.name}: ${sheet.tables.map((t) => t.name).join(', ')}`);
  return table;
}

export function tableTitled(sheet: SheetSpec, title: string): TableSpec {
  const table = sheet.tables.find((t) => t.title === title);
  if (!table) throw new Error(`no table titled "${title}" on ${sheet.name}: ${sheet.tables.map((t) => t.title).join(' | ')}`);
  return table;
}

export function rowLabelled(table: TableSpec, key: string, label: string): SpecRow {
  const rows = [...table.rows, ...table.totals].filter((r) => r.cells[key] === label);
  if (rows.length !== 1) throw new Error(`expected one row with ${key} “${label}” in ${table.name}, found ${rows.length}`);
  return rows[0];
}

/** A money cell as a reader sees it: "15.0" for £15,000,000 in £m to 1 dp. */
export function shown(v: SpecValue | undefined, table: TableSpec): string | null {
  const n = numberIn(v);
  if (n === null) return null;
  return roundToUnit(new Money(n), table.unit, table.decimals)
    .div({ '£': 1, '£k': 1000, '£000': 1000, '£m': 1_000_000, '£bn': 1_000_000_000 }[table.unit])
    .toFixed(table.decimals);
}

/** The displayed (rounded) value, in pounds. */
export function displayed(v: SpecValue | undefined, table: TableSpec): Decimal {
  return new Decimal(roundToUnit(new Money(numberIn(v) ?? 0), table.unit, table.decimals));
}

export function millions(text: string | number): Decimal {
  return new Decimal(String(text)).times(1_000_000);
}
