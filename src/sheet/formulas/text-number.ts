/**
 * Text that Excel (English, UK) reads as a number when arithmetic meets it: "1,200", "£1,200.50",
 * "(1,200)" (negative), "-3", "12.5%", "1.2E3". Anything else (words, "1.2m", a date) is not a number
 * here, and the arithmetic gives #VALUE! as the parser has it.
 */
const NUMBER_TEXT = /^([-+])?(\()?\s*£?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:E([-+]?\d+))?\s*(\))?\s*(%)?$/i;

export function textAsNumber(text: string): number | undefined {
  const m = NUMBER_TEXT.exec(text.trim());
  if (!m) return undefined;
  const [, sign, open, digits, exponent, close, percent] = m;
  if (Boolean(open) !== Boolean(close) || (open && sign)) return undefined;
  let n = Number(`${digits.replace(/,/g, '')}${exponent ? `e${exponent}` : ''}`);
  if (!Number.isFinite(n)) return undefined;
  if (percent) n /= 100;
  return sign === '-' || open ? -n : n;
}
