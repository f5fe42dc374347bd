/**
 * Every finding that passes the filters, reachable by scrolling: only the rows near the view are drawn
 * (useVirtualRows). Grouped, each group is a region named after it with its heading among the rows.
 */
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { VirtualItem } from '@tanstack/react-virtual';
import type { CSSProperties, ReactNode, Ref } from 'react';
import type { TableSummary } from '../../engine/protocol';
import { FindingCard } from './FindingCard';
import type { GroupBy, ListRow } from './finding-rows';
import type { FindingView } from './useFindingView';
import { rowKey, useVirtualRows } from './useVirtualRows';

const useStyles = makeStyles({
  list: {
    position: 'relative',
    width: '100%',
    // A control reached with Tab is scrolled clear of the sticky summary above the list.
    '& button, & a, & input, & [tabindex]': { scrollMarginTop: 'var(--findings-covered-top, 0px)' },
  },
  group: { margin: 0, padding: 0, listStyleType: 'none' },
  row: { position: 'absolute', top: 0, left: 0, width: '100%', boxSizing: 'border-box', paddingBottom: tokens.spacingVerticalS, outlineOffset: '-2px' },
  heading: {
    margin: 0,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  empty: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

interface FindingListProps {
  readonly tables: readonly TableSummary[];
  readonly view: FindingView;
  /** Height of the sticky summary over the top of the view. */
  readonly coveredTop: number;
}

/** Consecutive drawn rows of one group, to wrap in that group's region. */
function runsOf(items: readonly VirtualItem[], rows: readonly ListRow[]): { group: string | null; items: VirtualItem[] }[] {
  const runs: { group: string | null; items: VirtualItem[] }[] = [];
  for (const item of items) {
    const group = rows[item.index]?.group ?? null;
    const last = runs[runs.length - 1];
    if (last && last.group === group) last.items.push(item);
    else runs.push({ group, items: [item] });
  }
  return runs;
}

function regionName(by: GroupBy, group: string): string {
  return by === 'rule' ? `Findings of rule ${group}` : `Findings on ${group}`;
}

function headingText(row: Extract<ListRow, { kind: 'heading' }>): string {
  const count = row.shown === row.total ? row.total.toLocaleString('en-GB') : `${row.shown.toLocaleString('en-GB')} of ${row.total.toLocaleString('en-GB')}`;
  return `${row.label} (${count})`;
}

/** Said where the list would be when the filters let nothing through, with the way back. */
function NoMatch({ listRef, onClear }: { readonly listRef: Ref<HTMLDivElement>; readonly onClear: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.empty} ref={listRef}>
      <Text>No finding matches these filters.</Text>
      <Button size="small" onClick={onClear}>
        Clear filters
      </Button>
    </div>
  );
}

export function FindingList({ tables, view, coveredTop }: FindingListProps) {
  const styles = useStyles();
  const { listRef, virtualizer, scrollMargin, onFocus, onBlur } = useVirtualRows(view.rows, {
    selectedKey: view.selected,
    scrollRequest: view.scrollRequest,
    coveredTop,
  });
  if (view.rows.length === 0) return <NoMatch listRef={listRef} onClear={view.clearFilters} />;
  const placed = (item: VirtualItem): CSSProperties => ({ transform: `translateY(${item.start - scrollMargin}px)` });
  const drawRow = (item: VirtualItem): ReactNode => {
    const row = view.rows[item.index];
    if (!row) return null;
    const common = { 'data-index': item.index, ref: virtualizer.measureElement, style: placed(item) };
    if (row.kind === 'heading') {
      return (
        <h4 key={rowKey(row)} {...common} className={mergeClasses(styles.row, styles.heading)}>
          {headingText(row)}
        </h4>
      );
    }
    const selected = view.selected === row.item.key;
    return (
      <li key={rowKey(row)} {...common} className={styles.row} tabIndex={-1} aria-current={selected ? 'true' : undefined}>
        <FindingCard item={row.item} selected={selected} tables={tables} onGoTo={view.goTo} onGoToRelated={view.goToRelated} />
      </li>
    );
  };
  const items = virtualizer.getVirtualItems();
  const listOf = (drawn: VirtualItem[], label?: string) => (
    <ul role="list" className={styles.group} aria-label={label}>
      {drawn.map(drawRow)}
    </ul>
  );
  return (
    <div
      ref={listRef}
      className={styles.list}
      style={{ height: virtualizer.getTotalSize(), ['--findings-covered-top' as string]: `${coveredTop}px` }}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {view.groupBy === 'none'
        ? listOf(items, 'Findings')
        : runsOf(items, view.rows).map(({ group, items: drawn }) => {
            const [first, ...rest] = drawn;
            const headed = first && view.rows[first.index]?.kind === 'heading';
            return (
              <section key={group ?? ''} aria-label={regionName(view.groupBy, group ?? '')}>
                {headed && drawRow(first)}
                {listOf(headed ? rest : drawn)}
              </section>
            );
          })}
    </div>
  );
}
