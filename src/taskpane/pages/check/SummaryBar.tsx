/** What the check covered, the counts by severity and whether the workbook is ready for the panel. */
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckView } from '../../engine/protocol';
import { plural } from '../../format';
import type { ModelInUse } from '../../workbench';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  ready: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  notReady: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

interface SummaryBarProps {
  readonly check: CheckView;
  /** The sheet checked, when only one was. */
  readonly checkScope: string | undefined;
  readonly modelInUse: ModelInUse;
}

export function SummaryBar({ check, checkScope, modelInUse }: SummaryBarProps) {
  const styles = useStyles();
  const { summary } = check;
  return (
    <div className={styles.summary} aria-label="Summary" role="group">
      <Text>
        {plural(check.tables.length, 'table')} checked {checkScope ? `on “${checkScope}”` : `on ${plural(check.sheets.length, 'sheet')}`}
        {modelInUse.origin.kind === 'none' ? ' without a model.' : '.'}
      </Text>
      {modelInUse.origin.kind === 'none' && (
        <Text size={200}>
          No model applies: {modelInUse.origin.reason}. Checked for structure, arithmetic, notation and registers; the Model page can create a model from this
          workbook.
        </Text>
      )}
      {check.coverage?.map((line) => (
        <Text key={line} size={200}>
          {line}
        </Text>
      ))}
      <div className={styles.counts}>
        <Badge appearance="filled" color="danger">
          {plural(summary.errors, 'error')}
        </Badge>
        <Badge appearance="filled" color="warning">
          {plural(summary.warnings, 'warning')}
        </Badge>
        <Badge appearance="filled" color="informative">
          {summary.info} info
        </Badge>
      </div>
      <Text className={summary.errors > 0 ? styles.notReady : styles.ready}>
        {summary.errors > 0 ? `${plural(summary.errors, 'error')} open: not ready for the panel` : 'No errors open'}
      </Text>
    </div>
  );
}
