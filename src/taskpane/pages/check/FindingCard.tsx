/**
 * One finding: its severity, its RAG status where it has one, the rule and "Go to" its cell; what is wrong,
 * the figures compared, a suggestion, the findings about the same difference, the rule explained, and the
 * actions and decisions other parts of the pane put on it.
 */
import { Badge, Button, Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { Finding, RelatedFinding } from '../../../checks/finding';
import { findingFigures, type NegativeStyle } from '../../../checks/figures';
import { RuleHelp } from '../../components/RuleHelp';
import { TableStructure, tableAt } from '../../components/TableStructure';
import type { TableSummary } from '../../engine/protocol';
import { useWorkbench } from '../../workbench';
import { DecisionControls } from './DecisionControls';
import type { KeyedFinding } from './finding-rows';
import { FindingActions } from './FindingActions';
import { SEVERITY_WORD } from '../../../checks/finding';
import { RAG_WORD } from '../../../budget/rag';
import { SEVERITY_BADGE, STATUS_BADGE } from './severities';

const useStyles = makeStyles({
  finding: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflowWrap: 'anywhere',
  },
  selected: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  decided: { backgroundColor: tokens.colorNeutralBackground2 },
  findingHead: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, flexGrow: 1 },
  figures: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  suggestion: { fontSize: tokens.fontSizeBase200 },
  related: { fontSize: tokens.fontSizeBase200 },
});

interface FindingCardProps {
  readonly item: KeyedFinding;
  /** True for the finding last gone to: it is marked, and shows how its table was read. */
  readonly selected: boolean;
  /** The tables the check read, to show the one the finding's cell is in. */
  readonly tables: readonly TableSummary[];
  readonly onGoTo: (item: KeyedFinding) => void;
  /** Selects another finding about the same difference and goes to its cell. */
  readonly onGoToRelated: (place: RelatedFinding) => void;
}

/** The user's choice of negatives; minus until the settings carry one. */
function negativeStyle(settings: object): NegativeStyle {
  return (settings as { readonly negatives?: unknown }).negatives === 'brackets' ? 'brackets' : 'minus';
}

/** "Expected £53.6m · Actual £53.8m": the figures compared, in the table's unit, as the settings show negatives. */
function figuresText(finding: Finding, negatives: NegativeStyle): string {
  const { expected, actual } = findingFigures(finding, negatives);
  return [expected !== undefined ? `Expected ${expected}` : '', actual !== undefined ? `Actual ${actual}` : ''].filter(Boolean).join(' · ');
}

function RelatedFindings({ related, onGoToRelated }: { readonly related: readonly RelatedFinding[]; readonly onGoToRelated: (place: RelatedFinding) => void }) {
  const styles = useStyles();
  return (
    <Text className={styles.related}>
      Same difference:{' '}
      {related.map((place, index) => (
        <span key={`${place.sheet}!${place.cell}:${place.rule}`}>
          {index > 0 && ', '}
          <Link as="button" onClick={() => onGoToRelated(place)}>
            {place.sheet}!{place.cell} ({place.rule})
          </Link>
        </span>
      ))}
    </Text>
  );
}

/** Memoised: drawn again only when its own props change, not on each keystroke in the search. */
export const FindingCard = memo(function FindingCard({ item, selected, tables, onGoTo, onGoToRelated }: FindingCardProps) {
  const styles = useStyles();
  const { finding } = item;
  const { settings } = useWorkbench();
  const figures = figuresText(finding, negativeStyle(settings));
  return (
    <div className={mergeClasses(styles.finding, finding.decision !== undefined && styles.decided, selected && styles.selected)}>
      <div className={styles.findingHead}>
        <Badge appearance="tint" color={SEVERITY_BADGE[finding.severity]}>
          {SEVERITY_WORD[finding.severity]}
        </Badge>
        {finding.status && (
          <Badge appearance="tint" shape="circular" color={STATUS_BADGE[finding.status]}>
            RAG: {RAG_WORD[finding.status]}
          </Badge>
        )}
        <span className={styles.rule}>{finding.rule}</span>
        {/* The name starts with what the button shows (WCAG 2.5.3), then says which sheet and rule. */}
        <Button size="small" onClick={() => onGoTo(item)} aria-label={`Go to ${finding.cell} on ${finding.sheet}, ${finding.rule}`}>
          Go to {finding.cell}
        </Button>
      </div>
      <Text>{finding.message}</Text>
      {figures && <Text className={styles.figures}>{figures}</Text>}
      {finding.suggestion !== undefined && <Text className={styles.suggestion}>Suggestion: {finding.suggestion}</Text>}
      {finding.related && finding.related.length > 0 && <RelatedFindings related={finding.related} onGoToRelated={onGoToRelated} />}
      <RuleHelp rule={finding.rule} />
      <FindingActions finding={finding} selected={selected} />
      <DecisionControls finding={finding} />
      {selected && <TableStructure table={tableAt(tables, finding.sheet, finding.cell)} />}
    </div>
  );
});
