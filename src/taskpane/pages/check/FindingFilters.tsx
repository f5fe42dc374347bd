/** How the findings are shown: grouped by rule or sheet, one rule only, a text search, and how many pass. */
import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RuleId } from '../../../checks/finding';
import { plural } from '../../format';
import type { GroupBy } from './finding-rows';
import type { FindingView } from './useFindingView';

const useStyles = makeStyles({
  filters: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  fields: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  choice: { flexGrow: 1, flexBasis: '9rem', minWidth: 0 },
  search: { flexGrow: 2, flexBasis: '12rem', minWidth: 0 },
  // A select is as wide as its longest option unless told it may shrink: at 350 px a rule name would overflow the pane.
  select: { minWidth: 0, width: '100%' },
  shown: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

const GROUPINGS: readonly { readonly by: GroupBy; readonly label: string }[] = [
  { by: 'none', label: 'None (errors first)' },
  { by: 'rule', label: 'Rule' },
  { by: 'sheet', label: 'Sheet' },
];

/** "45 findings", or with filters "17 of 45 findings shown". */
export function shownText(shown: number, total: number, filtering: boolean): string {
  return filtering ? `${shown.toLocaleString('en-GB')} of ${plural(total, 'finding')} shown` : plural(total, 'finding');
}

export function FindingFilters({ rules, view }: { readonly rules: readonly RuleId[]; readonly view: FindingView }) {
  const styles = useStyles();
  return (
    <div className={styles.filters}>
      <div className={styles.fields}>
        <Field label="Group by" className={styles.choice}>
          <Select className={styles.select} value={view.groupBy} onChange={(_, data) => view.chooseGrouping(data.value as GroupBy)}>
            {GROUPINGS.map(({ by, label }) => (
              <option key={by} value={by}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Rule" className={styles.choice}>
          <Select className={styles.select} value={view.rule} onChange={(_, data) => view.chooseRule(data.value as RuleId | '')}>
            <option value="">All rules</option>
            {rules.map((id) => (
              <option key={id} value={id}>
                {id} ({(view.ruleCounts.get(id) ?? 0).toLocaleString('en-GB')})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Search findings" hint="Message, sheet, cell, rule or suggestion" className={styles.search}>
          <Input type="search" value={view.query} onChange={(_, data) => view.search(data.value)} />
        </Field>
      </div>
      <div className={styles.shown}>
        <Text aria-live="polite">{shownText(view.filtered.length, view.ordered.length, view.filtering)}</Text>
        {view.filtering && (
          <Button size="small" appearance="subtle" onClick={view.clearFilters}>
            Clear filters
          </Button>
        )}
      </div>
    </div>
  );
}
