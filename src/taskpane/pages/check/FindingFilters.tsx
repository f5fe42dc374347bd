/** Which findings to show: by severity (with their counts) and by rule. */
import { Checkbox, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { RuleId } from '../../../checks/finding';
import type { CheckView } from '../../engine/protocol';
import { countOf, SEVERITIES } from './severities';
import type { FindingView } from './useFindingView';

const useStyles = makeStyles({
  filters: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0 },
  severityBoxes: { display: 'flex', flexWrap: 'wrap' },
});

interface FindingFiltersProps {
  readonly check: CheckView;
  readonly view: FindingView;
}

export function FindingFilters({ check, view }: FindingFiltersProps) {
  const styles = useStyles();
  return (
    <fieldset className={styles.filters}>
      <legend>
        <Text weight="semibold">Show</Text>
      </legend>
      <div className={styles.severityBoxes}>
        {SEVERITIES.map(({ severity, label }) => (
          <Checkbox
            key={severity}
            label={`${label} (${countOf(check.summary, severity)})`}
            checked={view.shown.has(severity)}
            onChange={(_, data) => view.toggle(severity, data.checked === true)}
          />
        ))}
      </div>
      <Field label="Rule">
        <Select value={view.rule} onChange={(_, data) => view.chooseRule(data.value as RuleId | '')}>
          <option value="">All rules</option>
          {check.rules.map((id) => (
            <option key={id} value={id}>
              {id} ({view.ruleCounts.get(id) ?? 0})
            </option>
          ))}
        </Select>
      </Field>
    </fieldset>
  );
}
