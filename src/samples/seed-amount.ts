/**
 * Amounts as the seed documents write them ("0.35", "-1.0", "£0.35m", "-", blank), turned into what a
 * finance team's workbook holds: numbers with a format that shows them as published, the seed's
 * dashes as text, and blanks left blank. The decimals shown are the decimals the seed wrote, so
 * "0.5", "0.64" and "0" in one table stay 0.5, 0.64 and 0.
 */

type SeedAmount =
  | { readonly kind: 'blank' }
  | { readonly kind: 'placeholder'; readonly text: string }
  | {
      readonly kind: 'number';
      /** The figure as a plain decimal string, sign included: "-0.36". */
      readonly decimal: string;
      readonly decimals: number;
      /** "£0.35m" in the seed: keep the £ and m around the number. */
      readonly poundsMillionsStyle: boolean;
    };

const PLAIN = /^(-?)(\d+(?:\.(\d+))?)$/;
const POUNDS_MILLIONS = /^(-?)£(\d+(?:\.(\d+))?)m$/;
const PLACEHOLDERS = new Set(['-', '–', 'TBC', 'n/a']);

export function parseSeedAmount(text: string): SeedAmount {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'blank' };
  if (PLACEHOLDERS.has(trimmed)) return { kind: 'placeholder', text: trimmed };
  const styled = POUNDS_MILLIONS.exec(trimmed);
  const match = styled ?? PLAIN.exec(trimmed);
  if (!match) {
    throw new Error(`"${text}" is not an amount as the seeds write them (expected 1.4, -0.36, £0.35m, - or blank)`);
  }
  return {
    kind: 'number',
    decimal: `${match[1]}${match[2]}`,
    decimals: match[3]?.length ?? 0,
    poundsMillionsStyle: styled !== null,
  };
}

/** Excel number format showing `decimals` places, negatives with a minus as the seed writes them. */
export function millionsFormat(decimals: number, poundsMillionsStyle = false): string {
  const places = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  if (poundsMillionsStyle) return `"£"#,##0${places}"m";-"£"#,##0${places}"m"`;
  return `#,##0${places};-#,##0${places}`;
}

export const POUNDS_FORMAT = '#,##0;-#,##0';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const MONTH_FORMAT = 'mmm yyyy';
