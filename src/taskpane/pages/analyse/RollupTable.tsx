/**
 * The rollup as a table: a row per group (with subtotals when rolling up by two), the total last. Which of
 * the figure columns show is the caller's choice (a narrow pane shows the budget, variance and RAG, and the
 * rest on demand); RAG is a word on its colour, never colour alone.
 */
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { dimensionTitle, type Dimension, type Rollup, type RollupRow } from '../../../analysis/types';
import { RAG_WORD, type Rag } from '../../../budget/rag';
import type { PaneSettings } from '../../../app/settings';
import { showMoney, showPercent } from '../../format';

const RAG_BADGE: Readonly<Record<Rag, 'success' | 'warning' | 'danger'>> = { green: 'success', amber: 'warning', red: 'danger' };

/** The figure columns after the budget, in the order they stand. */
const FIGURE_COLUMNS = ['forecast', 'actual', 'variance', 'variancePct', 'share', 'rag', 'stated'] as const;
export type FigureColumn = (typeof FIGURE_COLUMNS)[number];

export const FIGURE_TITLES: Readonly<Record<FigureColumn, string>> = {
  forecast: 'Forecast',
  actual: 'Actual',
  variance: 'Variance',
  variancePct: 'Var %',
  share: 'Share',
  rag: 'RAG',
  stated: 'Stated',
};

const useStyles = makeStyles({
  table: { tableLayout: 'auto', minWidth: '100%' },
  // A long priority area name gets room at full width; in a narrow pane it wraps instead.
  label: { minWidth: '10rem' },
  narrowLabel: { minWidth: '4rem', overflowWrap: 'anywhere' },
  amount: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', width: 'auto' },
  subtotal: { fontWeight: tokens.fontWeightSemibold },
  total: { fontWeight: tokens.fontWeightBold, borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
});

type Shown = { readonly row: RollupRow; readonly kind: 'body' | 'subtotal' | 'total' };

/** Rows as a reader takes them: each group's rows then its subtotal (when rolling up by two), the total last. */
function rowsInOrder(rollup: Rollup): Shown[] {
  const shown: Shown[] = [];
  if (rollup.by.length > 1) {
    const first = rollup.by[0];
    for (const sub of rollup.subtotals) {
      for (const row of rollup.rows) if (row.key[first] === sub.key[first]) shown.push({ row, kind: 'body' });
      shown.push({ row: sub, kind: 'subtotal' });
    }
  } else {
    for (const row of rollup.rows) shown.push({ row, kind: 'body' });
  }
  shown.push({ row: rollup.total, kind: 'total' });
  return shown;
}

/** The figure columns the rollup has figures for: variance, Var % and RAG need a forecast or actual to compare the budget with. */
export function availableColumns(rollup: Rollup): FigureColumn[] {
  const { forecast, actual } = rollup.measures;
  const compared = forecast || actual;
  const stated = [...rollup.rows, rollup.total].some((r) => r.stated !== null);
  const has: Readonly<Record<FigureColumn, boolean>> = {
    forecast,
    actual,
    variance: compared,
    variancePct: compared,
    share: true,
    rag: compared,
    stated,
  };
  return FIGURE_COLUMNS.filter((c) => has[c]);
}

/** The name cells' text: the group's names, "Subtotal" after a group's first name, "Total" first on the last row. */
function labelOf({ row, kind }: Shown, d: Dimension, i: number): string {
  if (kind === 'total') return i === 0 ? 'Total' : '';
  if (kind === 'subtotal' && i > 0) return i === 1 ? 'Subtotal' : '';
  return row.key[d] ?? '';
}

interface RollupTableProps {
  readonly rollup: Rollup;
  readonly settings: PaneSettings;
  /** The figure columns to show after the budget; all the rollup has when not given. */
  readonly columns?: readonly FigureColumn[];
  readonly narrow?: boolean;
}

export function RollupTable({ rollup, settings, columns = availableColumns(rollup), narrow = false }: RollupTableProps) {
  const styles = useStyles();
  return (
    <Table size="small" className={styles.table} aria-label={`Rollup by ${rollup.by.map((d) => dimensionTitle(d)).join(' and ')}`}>
      <RollupHead by={rollup.by} baseTitle={rollup.baseTitle} columns={columns} />
      <TableBody>
        {rowsInOrder(rollup).map((shown, index) => (
          <RollupLine key={index} shown={shown} by={rollup.by} columns={columns} settings={settings} narrow={narrow} />
        ))}
      </TableBody>
    </Table>
  );
}

function RollupHead({ by, baseTitle, columns }: { readonly by: readonly Dimension[]; readonly baseTitle: string; readonly columns: readonly FigureColumn[] }) {
  const styles = useStyles();
  return (
    <TableHeader>
      <TableRow>
        {by.map((d) => (
          <TableHeaderCell key={d} scope="col">
            {dimensionTitle(d)}
          </TableHeaderCell>
        ))}
        <TableHeaderCell scope="col" className={styles.amount}>
          {baseTitle}
        </TableHeaderCell>
        {columns.map((c) => (
          <TableHeaderCell key={c} scope="col" className={c === 'rag' ? undefined : styles.amount}>
            {FIGURE_TITLES[c]}
          </TableHeaderCell>
        ))}
      </TableRow>
    </TableHeader>
  );
}

/** A figure cell's content. */
function figure(row: RollupRow, column: FigureColumn, settings: PaneSettings) {
  switch (column) {
    case 'forecast':
      return showMoney(row.forecast, settings);
    case 'actual':
      return showMoney(row.actual, settings);
    case 'variance':
      return showMoney(row.variance, settings);
    case 'variancePct':
      return showPercent(row.variancePct);
    case 'share':
      return showPercent(row.share);
    case 'stated':
      return row.stated ? showMoney(row.stated, settings) : '';
    case 'rag':
      return (
        row.rag && (
          <Badge appearance="filled" color={RAG_BADGE[row.rag]}>
            {RAG_WORD[row.rag]}
          </Badge>
        )
      );
  }
}

interface RollupLineProps {
  readonly shown: Shown;
  readonly by: readonly Dimension[];
  readonly columns: readonly FigureColumn[];
  readonly settings: PaneSettings;
  readonly narrow: boolean;
}

function RollupLine({ shown, by, columns, settings, narrow }: RollupLineProps) {
  const styles = useStyles();
  const { row, kind } = shown;
  return (
    <TableRow className={kind === 'total' ? styles.total : kind === 'subtotal' ? styles.subtotal : undefined}>
      {by.map((d, i) => (
        <TableCell key={d} className={mergeClasses(narrow ? styles.narrowLabel : styles.label)}>
          {labelOf(shown, d, i)}
        </TableCell>
      ))}
      <TableCell className={styles.amount}>{showMoney(row.budget, settings)}</TableCell>
      {columns.map((c) => (
        <TableCell key={c} className={c === 'rag' ? undefined : styles.amount}>
          {figure(row, c, settings)}
        </TableCell>
      ))}
    </TableRow>
  );
}
