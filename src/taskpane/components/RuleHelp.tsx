/**
 * A finding's rule explained on its card: the rule's name, why it matters and how to fix it, from the rule's
 * own meta (the same text as docs/rules.md), behind a toggle so a long list stays short.
 */
import { useEffect, useId, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { RuleId } from '../../checks/finding';
import type { RuleMeta } from '../../checks/rules/meta';

type Registry = typeof import('../../checks/rules/registry');
let registry: Promise<Registry> | undefined;

/**
 * The registry is loaded when the first card asks, not with the pane: the rules' meta sits beside their logic,
 * which the pane itself never runs (the engine worker does), so it stays out of the pane's first load.
 */
function loadRegistry(): Promise<Registry> {
  registry ??= import(/* webpackChunkName: "rule-registry" */ '../../checks/rules/registry');
  return registry;
}

function useRuleMeta(rule: RuleId): RuleMeta | undefined {
  const [meta, setMeta] = useState<RuleMeta | undefined>(undefined);
  useEffect(() => {
    let current = true;
    // A chunk that fails to load leaves the card without its explanation; the finding itself is all there.
    loadRegistry().then(
      (loaded) => {
        if (current) setMeta(loaded.ruleMeta(rule));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [rule]);
  return meta;
}

const useStyles = makeStyles({
  toggle: { minWidth: 0, paddingLeft: 0, paddingRight: 0, fontWeight: tokens.fontWeightRegular },
  body: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  term: { fontWeight: tokens.fontWeightSemibold },
});

export function RuleHelp({ rule }: { readonly rule: RuleId }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const meta = useRuleMeta(rule);
  if (!meta) return null;
  return (
    <div>
      <Button className={styles.toggle} appearance="transparent" size="small" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        {open ? `Hide: ${meta.title}` : `About: ${meta.title}`}
      </Button>
      {open && (
        <dl id={bodyId} className={styles.body}>
          <dt className={styles.term}>Why it matters</dt>
          <dd>{meta.why}</dd>
          <dt className={styles.term}>How to fix</dt>
          <dd>{meta.fix}</dd>
        </dl>
      )}
    </div>
  );
}
