/**
 * The results' summary, kept in view at the top while the list scrolls: the heading focus moves to after a
 * check (its name carries the counts for a screen reader), the readiness line, and the counts, each a
 * toggle that shows only its findings.
 */
import { Text, ToggleButton, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Ref } from 'react';
import { plural } from '../../format';
import type { Category } from './finding-rows';
import { PlaceMessages } from '../../components/StatusArea';
import { StaleNotice } from './StaleNotice';

const useStyles = makeStyles({
  bar: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  count: { minWidth: 0, borderLeftWidth: tokens.strokeWidthThickest },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  decided: { borderLeftColor: tokens.colorNeutralStroke1 },
  ready: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  notReady: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  nothing: { fontWeight: tokens.fontWeightSemibold },
});

/** The heading focus moves to once a check is done. */
const RESULTS_HEADING_ID = 'check-results-heading';

interface SummaryBarProps {
  readonly counts: Readonly<Record<Category, number>>;
  readonly pressed: ReadonlySet<Category>;
  readonly onToggle: (category: Category) => void;
  /** False when no table of figures was found: then nothing was checked, and "No errors open" would mislead. */
  readonly checkedAnything: boolean;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly barRef: Ref<HTMLDivElement>;
}

function countLabel(category: Category, count: number): string {
  if (category === 'error') return plural(count, 'error');
  if (category === 'warning') return plural(count, 'warning');
  return `${count.toLocaleString('en-GB')} ${category}`;
}

function Readiness({ counts, checkedAnything }: Pick<SummaryBarProps, 'counts' | 'checkedAnything'>) {
  const styles = useStyles();
  if (counts.error > 0) return <Text className={styles.notReady}>{plural(counts.error, 'error')} open: not ready for the panel</Text>;
  if (!checkedAnything) return <Text className={styles.nothing}>Nothing was found to check</Text>;
  return <Text className={styles.ready}>No errors open</Text>;
}

export function SummaryBar({ counts, pressed, onToggle, checkedAnything, headingRef, barRef }: SummaryBarProps) {
  const styles = useStyles();
  const categories: Category[] = ['error', 'warning', 'info', ...(counts.decided > 0 || pressed.has('decided') ? (['decided'] as const) : [])];
  const spoken = categories.map((category) => countLabel(category, counts[category])).join(', ');
  return (
    <div ref={barRef} className={styles.bar} aria-label="Summary" role="group">
      {/* "Check again" is here: after it, focus goes to the results as after "Check workbook". */}
      <div data-starts-check="">
        <StaleNotice />
      </div>
      <PlaceMessages place="findings" />
      <div className={styles.head}>
        {/* Focusable from script: after "Check workbook" focus comes here, and its name says the counts. */}
        <h3 ref={headingRef} id={RESULTS_HEADING_ID} tabIndex={-1} className={styles.heading} aria-label={`Results: ${spoken}`}>
          Results
        </h3>
        <Readiness counts={counts} checkedAnything={checkedAnything} />
      </div>
      <div className={styles.counts} role="group" aria-label="Show only">
        {categories.map((category) => (
          <ToggleButton
            key={category}
            size="small"
            className={mergeClasses(styles.count, styles[category])}
            checked={pressed.has(category)}
            disabled={counts[category] === 0 && !pressed.has(category)}
            onClick={() => onToggle(category)}
          >
            {countLabel(category, counts[category])}
          </ToggleButton>
        ))}
      </div>
    </div>
  );
}
