/**
 * Rule help: every rule the check runs, grouped as in docs/rules.md, each with what it checks, why it
 * matters, how to fix what it reports and its severities. Each rule has an anchor (rule-<id>); "All rules"
 * on a finding's card opens this page there.
 */
import { Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { RuleMeta } from '../../checks/rules/meta';
import { useRuleCatalogue } from '../components/rule-registry';
import { useNavigation } from '../navigation';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  h3: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  rule: {
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    scrollMarginTop: tokens.spacingVerticalM,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  facts: { margin: `${tokens.spacingVerticalXS} 0 0`, fontSize: tokens.fontSizeBase200 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: `0 0 ${tokens.spacingVerticalXS}` },
});

/** The anchor of a rule's entry: where "All rules" lands. */
function ruleAnchor(id: string): string {
  return `rule-${id}`;
}

export function RuleHelpPage() {
  const styles = useStyles();
  const catalogue = useRuleCatalogue();
  useScrollToRule(catalogue !== undefined);
  return (
    <section className={styles.page} aria-labelledby="rules-heading">
      <Subtitle2 as="h2" id="rules-heading" tabIndex={-1}>
        Rule help
      </Subtitle2>
      <Text size={200}>What each check looks for, why it matters and how to fix what it finds. A finding's card names its rule.</Text>
      {!catalogue && <Spinner size="tiny" label="Loading the rules…" />}
      {catalogue &&
        catalogue.groupOrder.map((group) => {
          const members = catalogue.rules.filter((meta) => meta.group === group);
          if (members.length === 0) return null;
          return (
            <section key={group} className={styles.group} aria-labelledby={`rules-${group}`}>
              <h3 id={`rules-${group}`} className={styles.h3}>
                {catalogue.groupTitles[group]}
              </h3>
              {members.map((meta) => (
                <RuleEntry key={meta.id} meta={meta} />
              ))}
            </section>
          );
        })}
    </section>
  );
}

function RuleEntry({ meta }: { readonly meta: RuleMeta }) {
  const styles = useStyles();
  const anchor = ruleAnchor(meta.id);
  return (
    <article id={anchor} className={styles.rule} tabIndex={-1} aria-labelledby={`${anchor}-title`}>
      <h4 id={`${anchor}-title`} className={styles.h4}>
        {meta.title} <span className={styles.id}>{meta.id}</span>
      </h4>
      <dl className={styles.facts}>
        <dt className={styles.term}>What it checks</dt>
        <dd className={styles.detail}>{meta.checks}</dd>
        <dt className={styles.term}>Why it matters</dt>
        <dd className={styles.detail}>{meta.why}</dd>
        <dt className={styles.term}>How to fix</dt>
        <dd className={styles.detail}>{meta.fix}</dd>
        <dt className={styles.term}>Severity</dt>
        <dd className={styles.detail}>
          {meta.severity}
          {meta.otherSeverities ? `; ${meta.otherSeverities}` : ''}. Reported at {meta.reportedAt}.
        </dd>
      </dl>
    </article>
  );
}

/** When the page is opened at a rule, that rule's entry scrolls into view and takes the focus, once per request. */
function useScrollToRule(loaded: boolean) {
  const { page, ruleTarget } = useNavigation();
  const shown = useRef(0);
  const showing = page === 'rules';
  useEffect(() => {
    if (!showing || !loaded || !ruleTarget || ruleTarget.asked === shown.current) return;
    shown.current = ruleTarget.asked;
    const entry = document.getElementById(ruleAnchor(ruleTarget.rule));
    if (!entry) return;
    // jsdom has no scrollIntoView; a browser always does.
    if (typeof entry.scrollIntoView === 'function') entry.scrollIntoView({ block: 'start' });
    entry.focus({ preventScroll: true });
  }, [showing, loaded, ruleTarget]);
}
