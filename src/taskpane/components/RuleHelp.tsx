/**
 * A finding's rule explained on its card: the rule's name and why it matters, shown at once; how to fix
 * it behind a toggle, so a long list stays short; and "All rules", the rule help page at this rule.
 * The text is the rule's own meta (the same as docs/rules.md).
 */
import { useId, useState } from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RuleId } from '../../checks/finding';
import { useNavigation } from '../navigation';
import { useRuleCatalogue } from './rule-registry';

const useStyles = makeStyles({
  help: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  why: { color: tokens.colorNeutralForeground2 },
  links: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  link: { minWidth: 0, paddingLeft: 0, paddingRight: 0, fontWeight: tokens.fontWeightRegular },
  fix: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export function RuleHelp({ rule }: { readonly rule: RuleId }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const fixId = useId();
  const navigation = useNavigation();
  const meta = useRuleCatalogue()?.ruleMeta(rule);
  // A chunk that fails to load leaves the card without its explanation; the finding itself is all there.
  if (!meta) return null;
  return (
    <div className={styles.help}>
      <Text size={200} className={styles.why}>
        <Text size={200} weight="semibold">
          {meta.title}:
        </Text>{' '}
        {meta.why}
      </Text>
      <div className={styles.links}>
        <Button className={styles.link} appearance="transparent" size="small" aria-expanded={open} aria-controls={fixId} onClick={() => setOpen(!open)}>
          How to fix
        </Button>
        {/* Every card has one: the name says which rule it opens, after the visible words. */}
        <Button
          className={styles.link}
          appearance="transparent"
          size="small"
          aria-label={`All rules: ${meta.title}`}
          onClick={() => navigation.showRuleHelp(rule)}
        >
          All rules
        </Button>
      </div>
      {open && (
        <p id={fixId} className={styles.fix}>
          {meta.fix}
        </p>
      )}
    </div>
  );
}
