/**
 * The rules' meta for the pane (a card's rule explained, the rule help page), loaded when first asked
 * for, not with the pane: the meta sits beside the rules' logic, which the pane itself never runs (the
 * engine worker does), so it stays out of the pane's first load, in its own chunk.
 */
import { useEffect, useState } from 'react';
import type { RuleId } from '../../checks/finding';
import type { RuleGroup, RuleMeta } from '../../checks/rules/meta';

interface RuleCatalogue {
  /** Every rule, in the registry's order. */
  readonly rules: readonly RuleMeta[];
  readonly ruleMeta: (id: RuleId) => RuleMeta | undefined;
  readonly groupTitles: Readonly<Record<RuleGroup, string>>;
  readonly groupOrder: readonly RuleGroup[];
}

let catalogue: Promise<RuleCatalogue> | undefined;

function loadRuleCatalogue(): Promise<RuleCatalogue> {
  catalogue ??= Promise.all([
    import(/* webpackChunkName: "rule-registry" */ '../../checks/rules/registry'),
    import(/* webpackChunkName: "rule-registry" */ '../../checks/rules/catalogue'),
  ]).then(([registry, groups]) => ({ rules: registry.RULES, ruleMeta: registry.ruleMeta, groupTitles: groups.GROUP_TITLES, groupOrder: groups.GROUP_ORDER }));
  return catalogue;
}

/** The catalogue once loaded; undefined until then, or for good when the chunk cannot load (the pane works on without it). */
export function useRuleCatalogue(): RuleCatalogue | undefined {
  const [loaded, setLoaded] = useState<RuleCatalogue | undefined>(undefined);
  useEffect(() => {
    let current = true;
    loadRuleCatalogue().then(
      (module) => {
        if (current) setLoaded(module);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return loaded;
}
