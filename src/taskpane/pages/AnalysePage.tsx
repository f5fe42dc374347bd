/**
 * Analyse: budget lines rolled up by one or two dimensions, with variance, share and RAG against the
 * thresholds chosen here (saved with the other settings), and "Write rollup".
 */
import {
  Badge,
  Button,
  Field,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { columnDimension, DIMENSIONS, dimensionInWords, dimensionTitle, type Dimension, type Rag, type Rollup, type RollupRow } from '../../analysis/types';
import type { RollupView } from '../engine/protocol';
import { ragDraftOf, RagFields, type RagDraft } from '../components/RagFields';
import { plural, showMoney, showPercent } from '../format';
import { ragFromInputs, settingsOf, type RagKey } from '../settings';
import { useWorkbench } from '../workbench';


const RAG_BADGE: Readonly<Record<Rag, 'success' | 'warning' | 'danger'>> = { green: 'success', amber: 'warning', red: 'danger' };
const RAG_WORD: Readonly<Record<Rag, string>> = { green: 'Green', amber: 'Amber', red: 'Red' };

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  dims: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(8.5rem, 1fr))', columnGap: tokens.spacingHorizontalS },
  shrink: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
  scroll: { overflowX: 'auto', maxWidth: '100%', ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  // Columns sized by their content (a long priority area name gets room), scrolled sideways in a narrow pane.
  table: { tableLayout: 'auto', minWidth: '100%' },
  label: { minWidth: '10rem' },
  amount: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', width: 'auto' },
  subtotal: { fontWeight: tokens.fontWeightSemibold },
  total: { fontWeight: tokens.fontWeightBold, borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

type Shown = { readonly row: RollupRow; readonly kind: 'body' | 'subtotal' | 'total' };

/** Rows as a reader takes them: each group's rows then its subtotal (when rolling up by two), the total last. */
export function rowsInOrder(rollup: Rollup): Shown[] {
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

export function AnalysePage() {
  const styles = useStyles();
  const workbench = useWorkbench();
  const { host, workbook, busy, settings, model, modelInUse, rollupBy, setRollupBy, ask, write, saveSettings } = workbench;
  const [draft, setDraft] = useState<RagDraft>(() => ragDraftOf(settings.rag));
  const [problems, setProblems] = useState<Partial<Record<RagKey, string>>>({});
  const [rollup, setRollup] = useState<RollupView | null>(null);
  const canRun = host.kind === 'excel' || workbook !== null;
  // Without a model there are no priority areas or funds to group by: the workbook's own columns and years.
  const offered: Dimension[] = [...(modelInUse.origin.kind === 'none' ? (['year'] as const) : DIMENSIONS), ...(rollup?.columns ?? []).map(columnDimension)];
  const first = rollupBy[0] ?? rollup?.by[0] ?? (modelInUse.origin.kind === 'none' ? undefined : 'priority-area');
  const second = rollupBy[1];
  const choices = first === undefined || offered.includes(first) ? offered : [first, ...offered];

  /** Saves changed thresholds first, so the grid, the Rollup sheet and the Settings page agree. */
  const applyThresholds = async (): Promise<boolean> => {
    const read = ragFromInputs(draft);
    setProblems(read.problems);
    if (!read.rag) return false;
    const current = model.settings.rag;
    const changed = (Object.keys(read.rag) as RagKey[]).some((k) => read.rag![k] !== current[k]);
    if (changed) await saveSettings({ ...settingsOf(model), rag: read.rag });
    return true;
  };

  const rollUp = async () => {
    if (!(await applyThresholds())) return;
    const result = await ask('Rolling up the budget lines', 'rollup', { by: rollupBy });
    if (result) setRollup(result);
  };

  const rows = rollup ? rowsInOrder(rollup) : [];
  const measures = rollup?.measures;
  const withVariance = measures ? measures.forecast || measures.actual : false;
  const withStated = rollup ? [...rollup.rows, rollup.total].some((r) => r.stated !== null) : false;

  return (
    <section className={styles.page} aria-labelledby="analyse-heading">
      <Subtitle2 as="h2" id="analyse-heading">
        Analyse
      </Subtitle2>
      <div className={styles.dims}>
        <Field label="Roll up by" className={styles.shrink}>
          <Select
            className={styles.select}
            value={first ?? ''}
            onChange={(_, data) => {
              const chosen = data.value as Dimension;
              setRollupBy(second && second !== chosen ? [chosen, second] : [chosen]);
            }}
          >
            {first === undefined && <option value="">The workbook's first column of names</option>}
            {choices.map((d) => (
              <option key={d} value={d}>
                {dimensionTitle(d)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Then by" className={styles.shrink}>
          <Select
            className={styles.select}
            value={second ?? ''}
            disabled={first === undefined}
            onChange={(_, data) => first !== undefined && setRollupBy(data.value ? [first, data.value as Dimension] : [first])}
          >
            <option value="">(nothing)</option>
            {choices.filter((d) => d !== first).map((d) => (
              <option key={d} value={d}>
                {dimensionTitle(d)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <RagFields draft={draft} onChange={setDraft} problems={problems} />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!canRun || busy !== null} onClick={() => void rollUp()}>
          Roll up
        </Button>
        <Button disabled={!canRun || busy !== null} onClick={() => void applyThresholds().then((ok) => ok && write(['Rollup']))}>
          Write rollup
        </Button>
      </div>
      {!canRun && <Text>Open a workbook (or try the sample) to analyse it.</Text>}

      {rollup && (
        <>
          <Text>
            {plural(rollup.total.lines, 'budget line')} by {rollup.by.map((d) => dimensionInWords(d)).join(' and ')}, in {settings.displayUnit}.
          </Text>
          <div className={styles.scroll} tabIndex={0} role="region" aria-label="Rollup table">
            <Table size="small" className={styles.table} aria-label={`Rollup by ${rollup.by.map((d) => dimensionTitle(d)).join(' and ')}`}>
              <TableHeader>
                <TableRow>
                  {rollup.by.map((d) => (
                    <TableHeaderCell key={d} scope="col">
                      {dimensionTitle(d)}
                    </TableHeaderCell>
                  ))}
                  <TableHeaderCell scope="col" className={styles.amount}>
                    {rollup.baseTitle}
                  </TableHeaderCell>
                  {measures?.forecast && (
                    <TableHeaderCell scope="col" className={styles.amount}>
                      Forecast
                    </TableHeaderCell>
                  )}
                  {measures?.actual && (
                    <TableHeaderCell scope="col" className={styles.amount}>
                      Actual
                    </TableHeaderCell>
                  )}
                  {withVariance && (
                    <>
                      <TableHeaderCell scope="col" className={styles.amount}>
                        Variance
                      </TableHeaderCell>
                      <TableHeaderCell scope="col" className={styles.amount}>
                        Var %
                      </TableHeaderCell>
                    </>
                  )}
                  <TableHeaderCell scope="col" className={styles.amount}>
                    Share
                  </TableHeaderCell>
                  {withVariance && <TableHeaderCell scope="col">RAG</TableHeaderCell>}
                  {withStated && (
                    <TableHeaderCell scope="col" className={styles.amount}>
                      Stated
                    </TableHeaderCell>
                  )}
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map(({ row, kind }, index) => (
                  <TableRow key={index} className={kind === 'total' ? styles.total : kind === 'subtotal' ? styles.subtotal : undefined}>
                    {rollup.by.map((d, i) => (
                      <TableCell key={d} className={styles.label}>
                        {kind === 'total' ? (i === 0 ? 'Total' : '') : kind === 'subtotal' && i > 0 ? (i === 1 ? 'Subtotal' : '') : row.key[d] ?? ''}
                      </TableCell>
                    ))}
                    <TableCell className={styles.amount}>{showMoney(row.budget, settings)}</TableCell>
                    {measures?.forecast && <TableCell className={styles.amount}>{showMoney(row.forecast, settings)}</TableCell>}
                    {measures?.actual && <TableCell className={styles.amount}>{showMoney(row.actual, settings)}</TableCell>}
                    {withVariance && (
                      <>
                        <TableCell className={styles.amount}>{showMoney(row.variance, settings)}</TableCell>
                        <TableCell className={styles.amount}>{showPercent(row.variancePct)}</TableCell>
                      </>
                    )}
                    <TableCell className={styles.amount}>{showPercent(row.share)}</TableCell>
                    {withVariance && (
                      <TableCell>
                        {row.rag && (
                          <Badge appearance="filled" color={RAG_BADGE[row.rag]}>
                            {RAG_WORD[row.rag]}
                          </Badge>
                        )}
                      </TableCell>
                    )}
                    {withStated && <TableCell className={styles.amount}>{row.stated ? showMoney(row.stated, settings) : ''}</TableCell>}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {(rollup.excluded.length > 0 || rollup.disagreements.length > 0) && (
            <ul className={styles.notes}>
              {rollup.excluded.length > 0 && (
                <li>
                  {plural(rollup.excluded.length, 'line')} left out because a figure cannot be used (see the Check page): {rollup.excluded.slice(0, 3).map((e) => `${e.sheet}!${e.cell}`).join(', ')}
                  {rollup.excluded.length > 3 ? ', …' : ''}
                </li>
              )}
              {rollup.disagreements.map((d) => (
                <li key={Object.values(d.key).join('|')}>
                  {Object.values(d.key).join(', ')}: the model states {showMoney(d.stated, settings)}, the lines sum to {showMoney(d.computed, settings)} ({d.source}).
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
