/**
 * What the pane learns from office.js, read defensively: the same pane runs outside Excel (on a file,
 * in a plain browser), where office.js may be absent or report no host.
 */

/** The Office host after Office.onReady ("Excel"), or null outside Office or without office.js. */
export function officeHostName(): string | null {
  if (typeof Office !== 'undefined' && Office.context && Office.context.host) {
    return String(Office.context.host);
  }
  return null;
}

/** True when Office's theme has a dark body background, so the pane should use Fluent's dark theme. */
export function officeThemeIsDark(): boolean {
  if (typeof Office === 'undefined' || !Office.context) return false;
  try {
    const background = Office.context.officeTheme?.bodyBackgroundColor;
    return background ? isDarkColour(background) : false;
  } catch {
    // Hosts without the theme API throw on access; the light theme is the safe default.
    return false;
  }
}

/**
 * A colour is dark when white text on it contrasts better than black text: WCAG relative luminance
 * below 0.179, the point where the two contrast ratios are equal. Accepts "#rgb" and "#rrggbb".
 */
function isDarkColour(hex: string): boolean {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return false;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  const [red, green, blue] = [0, 2, 4].map((i) => linearChannel(parseInt(digits.slice(i, i + 2), 16) / 255));
  const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  return luminance < 0.179;
}

function linearChannel(value: number): number {
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}
