/** London boroughs a proposed model takes from a workbook's borough columns. */
import { buildNameIndex } from './names';
import { withoutParenthetical } from './model-names';
import { defaultModel } from './json';
import type { NameColumn } from './propose-names';
import { NAMES_SHOWN, describeColumn, more } from './propose-words';
import type { Borough } from './types';

/**
 * Borough names matched against the London boroughs: reference data (ONS GSS codes and their org-ids,
 * src/model/README.md "Not from the seeds"), taken only for the boroughs the workbook names. The model's
 * borough list holds London boroughs only, so other places are reported.
 */
export class BoroughMatcher {
  private readonly index = buildNameIndex(defaultModel().boroughs);
  private readonly matched = new Map<string, Borough>();
  private readonly unmatched: { column: string; names: Set<string> }[] = [];

  take(source: Pick<NameColumn, 'table' | 'column'>, values: readonly { text: string }[]): void {
    const names = new Set<string>();
    for (const { text } of values) {
      const trimmed = text.replace(/\s+/g, ' ').trim();
      const borough = this.index.resolve(trimmed) ?? this.index.resolve(withoutParenthetical(trimmed));
      if (borough) this.matched.set(borough.gss, borough);
      else names.add(trimmed);
    }
    if (names.size > 0) this.unmatched.push({ column: describeColumn(source), names });
  }

  found(): Borough[] {
    return [...this.matched.values()]
      .sort((a, b) => a.gss.localeCompare(b.gss))
      .map((b) => ({ name: b.name, aliases: [...b.aliases], gss: b.gss, orgId: b.orgId }));
  }

  notes(): string[] {
    return this.unmatched.map(({ column, names }) => {
      const list = [...names];
      const what = list.length === 1 ? 'name that is not a London borough' : 'names that are not London boroughs';
      return `${column}: ${list.length} ${what} (${list.slice(0, NAMES_SHOWN).join(', ')}${more(list.length)}). The model's borough list holds London boroughs only (GSS E09…), so the checker will report ${list.length === 1 ? 'it' : 'them'} as unknown.`;
    });
  }
}
