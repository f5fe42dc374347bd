/**
 * Finds formulas that work on whole ranges or arrays at once: a range or {array} that is an operand of
 * an operator ((A1:A9>1)*B1:B9, SUM(C5:C9*D5:D9), DAY(G4)={1,21,31}). Excel computes these element by
 * element; the parser takes the first element, so the engine leaves such a formula unevaluated rather
 * than give it a wrong figure. A range that is a function's argument (SUM(C5:C9)*2) is not array work.
 */

type Token = 'range' | 'array' | 'operator' | 'call' | 'open' | 'close' | 'other';

const SHEET = String.raw`(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!`;
const RANGE = String.raw`(?:${SHEET})?(?:\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)`;
const TOKEN = new RegExp(
  String.raw`\s*(?:("(?:[^"]|"")*")|(${RANGE})(?![\w(])|(\{[^}]*\})|([A-Za-z_][\w.]*\()|(\()|(\))|(<>|<=|>=|[-+*/^&=<>%])|([^\s"(){}]+?(?=[\s"(){},;+\-*/^&=<>%]|$)|[,;]))`,
  'y',
);

function tokens(formula: string): Token[] {
  const list: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(formula); m && m[0] !== ''; m = TOKEN.exec(formula)) {
    if (m[2] !== undefined) list.push('range');
    else if (m[3] !== undefined) list.push('array');
    else if (m[4] !== undefined) list.push('call');
    else if (m[5] !== undefined) list.push('open');
    else if (m[6] !== undefined) list.push('close');
    else if (m[7] !== undefined) list.push('operator');
    else list.push('other');
    if (TOKEN.lastIndex >= formula.length) break;
  }
  return list;
}

/** True when the range or array at `at` sits next to an operator, through grouping parentheses only. */
function besideOperator(list: readonly Token[], at: number, groups: readonly boolean[]): boolean {
  let before = at - 1;
  while (before >= 0 && list[before] === 'open') before--;
  if (before >= 0 && list[before] === 'operator') return true;
  let depth = groups.length;
  for (let after = at + 1; after < list.length; after++) {
    if (list[after] === 'operator') return true;
    // Only a parenthesis that grouped the operand lets the operand reach past it, not a function's.
    if (list[after] !== 'close' || depth === 0 || !groups[--depth]) return false;
  }
  return false;
}

export function worksOnArrays(formula: string): boolean {
  const list = tokens(formula);
  /** For each open parenthesis, true when it groups (not a function call's). */
  const groups: boolean[] = [];
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    if (t === 'open' || t === 'call') groups.push(t === 'open');
    else if (t === 'close') groups.pop();
    else if ((t === 'range' || t === 'array') && besideOperator(list, i, groups)) return true;
  }
  return false;
}
