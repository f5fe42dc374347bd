/** One finding: its severity and rule, "Go to" its cell, what is wrong, the figures, a suggestion and the rule explained. */
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding } from '../../../checks/finding';
import { RuleHelp } from '../../components/RuleHelp';
import { TableStructure, tableAt } from '../../components/TableStructure';
import type { TableSummary } from '../../engine/protocol';
import { SEVERITY_BADGE, SEVERITY_WORD } from './severities';

const useStyles = makeStyles({
  finding: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  selected: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  findingHead: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, flexGrow: 1 },
  figures: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  suggestion: { fontSize: tokens.fontSizeBase200 },
});

interface FindingCardProps {
  readonly finding: Finding;
  /** True for the finding last gone to: it is marked, and shows how its table was read. */
  readonly selected: boolean;
  /** The tables the check read, to show the one the finding's cell is in. */
  readonly tables: readonly TableSummary[];
  readonly onGoTo: () => void;
}

/** "Expected 10, actual 12 (£)": the figures compared, when the finding has them. */
function figuresOf(finding: Finding): string {
  const figures = [finding.expected !== undefined ? `Expected ${finding.expected}` : '', finding.actual !== undefined ? `actual ${finding.actual}` : ''];
  return figures.filter(Boolean).join(', ') + (finding.unit ? ` (${finding.unit})` : '');
}

export function FindingCard({ finding, selected, tables, onGoTo }: FindingCardProps) {
  const styles = useStyles();
  return (
    <li className={mergeClasses(styles.finding, selected && styles.selected)} aria-current={selected ? 'true' : undefined}>
      <div className={styles.findingHead}>
        <Badge appearance="tint" color={SEVERITY_BADGE[finding.severity]}>
          {SEVERITY_WORD[finding.severity]}
        </Badge>
        <span className={styles.rule}>{finding.rule}</span>
        <Button size="small" onClick={onGoTo} aria-label={`Go to ${finding.sheet}!${finding.cell} (${finding.rule})`}>
          Go to {finding.cell}
        </Button>
      </div>
      <Text>{finding.message}</Text>
      {(finding.expected !== undefined || finding.actual !== undefined) && <Text className={styles.figures}>{figuresOf(finding)}</Text>}
      {finding.suggestion !== undefined && <Text className={styles.suggestion}>Suggestion: {finding.suggestion}</Text>}
      <RuleHelp rule={finding.rule} />
      {selected && <TableStructure table={tableAt(tables, finding.sheet, finding.cell)} />}
    </li>
  );
}
