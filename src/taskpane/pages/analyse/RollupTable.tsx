/** The rollup as a table: a row per group (with subtotals when rolling up by two), the total last. */
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { dimensionTitle, type Dimension, type Rollup, type RollupRow } from '../../../analysis/types';
import type { Rag } from '../../../budget/rag';
import type { PaneSettings } from '../../../app/settings';
import { showMoney, showPercent } from '../../format';

const RAG_BADGE: Readonly<Record<Rag, 'success' | 'warning' | 'danger'>> = { green: 'success', amber: 'warning', red: 'danger' };
const RAG_WORD: Readonly<Record<Rag, string>> = { green: 'Green', amber: 'Amber', red: 'Red' };

const useStyles = makeStyles({
  // Columns sized by their content (a long priority area name gets room), scrolled sideways in a narrow pane.
  table: { tableLayout: 'auto', minWidth: '100%' },
  label: { minWidth: '10rem' },
  amount: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', width: 'auto' },
  subtotal: { fontWeight: tokens.fontWeightSemibold },
  total: { fontWeight: tokens.fontWeightBold, borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
});

type Shown = { readonly row: RollupRow; readonly kind: 'body' | 'subtotal' | 'total' };

/** Which of the optional columns the rollup has figures for. */
interface Columns {
  readonly forecast: boolean;
  readonly actual: boolean;
  /** Variance, Var % and RAG: there is something to compare the budget with. */
  readonly variance: boolean;
  readonly stated: boolean;
}

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

function columnsOf(rollup: Rollup): Columns {
  const { forecast, actual } = rollup.measures;
  return { forecast, actual, variance: forecast || actual, stated: [...rollup.rows, rollup.total].some((r) => r.stated !== null) };
}

/** The name cells' text: the group's names, "Subtotal" after a group's first name, "Total" first on the last row. */
function labelOf({ row, kind }: Shown, d: Dimension, i: number): string {
  if (kind === 'total') return i === 0 ? 'Total' : '';
  if (kind === 'subtotal' && i > 0) return i === 1 ? 'Subtotal' : '';
  return row.key[d] ?? '';
}

export function RollupTable({ rollup, settings }: { readonly rollup: Rollup; readonly settings: PaneSettings }) {
  const styles = useStyles();
  const columns = columnsOf(rollup);
  return (
    <Table size="small" className={styles.table} aria-label={`Rollup by ${rollup.by.map((d) => dimensionTitle(d)).join(' and ')}`}>
      <RollupHead by={rollup.by} baseTitle={rollup.baseTitle} columns={columns} />
      <TableBody>
        {rowsInOrder(rollup).map((shown, index) => (
          <RollupLine key={index} shown={shown} by={rollup.by} columns={columns} settings={settings} />
        ))}
      </TableBody>
    </Table>
  );
}

function RollupHead({ by, baseTitle, columns }: { readonly by: readonly Dimension[]; readonly baseTitle: string; readonly columns: Columns }) {
  const styles = useStyles();
  const amount = (title: string) => (
    <TableHeaderCell scope="col" className={styles.amount}>
      {title}
    </TableHeaderCell>
  );
  return (
    <TableHeader>
      <TableRow>
        {by.map((d) => (
          <TableHeaderCell key={d} scope="col">
            {dimensionTitle(d)}
          </TableHeaderCell>
        ))}
        {amount(baseTitle)}
        {columns.forecast && amount('Forecast')}
        {columns.actual && amount('Actual')}
        {columns.variance && (
          <>
            {amount('Variance')}
            {amount('Var %')}
          </>
        )}
        {amount('Share')}
        {columns.variance && <TableHeaderCell scope="col">RAG</TableHeaderCell>}
        {columns.stated && amount('Stated')}
      </TableRow>
    </TableHeader>
  );
}

interface RollupLineProps {
  readonly shown: Shown;
  readonly by: readonly Dimension[];
  readonly columns: Columns;
  readonly settings: PaneSettings;
}

function RollupLine({ shown, by, columns, settings }: RollupLineProps) {
  const styles = useStyles();
  const { row, kind } = shown;
  return (
    <TableRow className={kind === 'total' ? styles.total : kind === 'subtotal' ? styles.subtotal : undefined}>
      {by.map((d, i) => (
        <TableCell key={d} className={styles.label}>
          {labelOf(shown, d, i)}
        </TableCell>
      ))}
      <TableCell className={styles.amount}>{showMoney(row.budget, settings)}</TableCell>
      {columns.forecast && <TableCell className={styles.amount}>{showMoney(row.forecast, settings)}</TableCell>}
      {columns.actual && <TableCell className={styles.amount}>{showMoney(row.actual, settings)}</TableCell>}
      {columns.variance && (
        <>
          <TableCell className={styles.amount}>{showMoney(row.variance, settings)}</TableCell>
          <TableCell className={styles.amount}>{showPercent(row.variancePct)}</TableCell>
        </>
      )}
      <TableCell className={styles.amount}>{showPercent(row.share)}</TableCell>
      {columns.variance && (
        <TableCell>
          {row.rag && (
            <Badge appearance="filled" color={RAG_BADGE[row.rag]}>
              {RAG_WORD[row.rag]}
            </Badge>
          )}
        </TableCell>
      )}
      {columns.stated && <TableCell className={styles.amount}>{row.stated ? showMoney(row.stated, settings) : ''}</TableCell>}
    </TableRow>
  );
}
