/** The findings drawn so far, a section per sheet. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { TableSummary } from '../../engine/protocol';
import { FindingCard } from './FindingCard';
import type { FindingView } from './useFindingView';

const useStyles = makeStyles({
  sheetHeading: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

interface FindingListProps {
  readonly tables: readonly TableSummary[];
  readonly view: FindingView;
}

export function FindingList({ tables, view }: FindingListProps) {
  const styles = useStyles();
  return (
    <>
      {view.bySheet.map(([sheet, items]) => (
        <section key={sheet} aria-label={`Findings on ${sheet}`}>
          <h3 className={styles.sheetHeading}>
            {sheet} ({items.length})
          </h3>
          <ul className={styles.list}>
            {items.map((item) => (
              <FindingCard key={item.key} finding={item.finding} selected={view.selected === item.key} tables={tables} onGoTo={() => view.goTo(item)} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
