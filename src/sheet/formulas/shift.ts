/**
 * Moves a formula as Excel does when it is filled or copied to another cell: relative references move,
 * absolute ones ($C$1) stay. Shared formulas in a file and a fix suggested from a cell's neighbours
 * both need it.
 */
import { columnIndex, columnLetters } from '../a1';

const REFERENCE = /(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g;

/** Moves the relative parts of every A1 reference by the given rows and columns, leaving text in quotes alone. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  // Split on string literals so "A1" in a text argument is not moved.
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(REFERENCE, (whole, before: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
            const col = columnIndex(letters);
            if (col === undefined) return whole;
            const newCol = colAbs ? col : col + cols;
            const newRow = rowAbs ? Number(digits) : Number(digits) + rows;
            if (newCol < 0 || newRow < 1) return `${before}#REF!`;
            return `${before}${colAbs}${columnLetters(newCol)}${rowAbs}${newRow}`;
          }),
    )
    .join('');
}
