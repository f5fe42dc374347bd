/**
 * Excel's comparison operators (=, <>, <, >, <=, >=) on single values: text compared without regard to
 * case ("Yes" = "yes"), a blank cell taken as "" against text, 0 against a number and FALSE against a
 * logical, and across types numbers before text before logicals. The parser's own operator compares
 * text case by case and a blank as 0 against text, so =IF(B5="","",C5-B5) would take every blank for a
 * figure; the engine uses this one instead.
 */

type Comparable = number | string | boolean;

const TYPE_ORDER: Record<string, number> = { number: 1, string: 2, boolean: 3 };

function blankAs(other: unknown): Comparable {
  if (typeof other === 'string') return '';
  if (typeof other === 'boolean') return false;
  return 0;
}

/** -1, 0 or 1, as Excel orders the two values. */
function order(a: Comparable, b: Comparable): number {
  const ta = TYPE_ORDER[typeof a];
  const tb = TYPE_ORDER[typeof b];
  if (ta !== tb) return ta < tb ? -1 : 1;
  const x = typeof a === 'string' ? a.toLowerCase() : a;
  const y = typeof b === 'string' ? b.toLowerCase() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function excelCompare(left: unknown, operator: string, right: unknown): boolean {
  const a = (left ?? blankAs(right)) as Comparable;
  const b = (right ?? blankAs(left)) as Comparable;
  const o = order(a, b);
  switch (operator) {
    case '=':
      return o === 0;
    case '<>':
      return o !== 0;
    case '<':
      return o < 0;
    case '>':
      return o > 0;
    case '<=':
      return o <= 0;
    case '>=':
      return o >= 0;
    default:
      throw new Error(`no comparison operator ${operator}`);
  }
}
