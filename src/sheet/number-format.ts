/** What an Excel number format code says about the figure it shows. */

/** A format that shows a date or time: d, m, y, h or s outside quotes, escapes and colour or condition brackets. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  // Digit placeholders make it a number format even where a letter survives unescaped: ExcelJS drops
  // the backslash of LibreOffice's \£#,##0.0,,\m, leaving an "m" that is not a month. (Times with
  // fractions of a second, such as mm:ss.0, keep their colon.)
  if (bare.includes('#') || (/0/.test(bare) && !bare.includes(':'))) return false;
  return /[dmyhs]/i.test(bare);
}
