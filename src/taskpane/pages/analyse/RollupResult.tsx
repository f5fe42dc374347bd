/**
 * The last rollup: what it covers, the table and notes on lines left out or figures that disagree. In a
 * narrow pane (measured, not guessed) the table shows the names, budget, variance and RAG, so it fits
 * without scrolling sideways; "Show columns" adds the others on demand.
 */
import { Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { dimensionInWords } from '../../../analysis/types';
import type { PaneSettings } from '../../../app/settings';
import type { RollupView } from '../../engine/protocol';
import { useContainerWidth } from '../../components/useContainerWidth';
import { plural, showMoney } from '../../format';
import { availableColumns, FIGURE_TITLES, RollupTable, type FigureColumn } from './RollupTable';

/** Below this width (CSS px) the table shows its key columns only: a 350-px task pane has about 310 for it. */
const NARROW_TABLE = 600;
/** What a narrow table shows besides the names and budget, where the rollup has them. */
const KEY_COLUMNS: readonly FigureColumn[] = ['variance', 'rag'];

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%', ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  choices: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', border: 'none', margin: 0, padding: 0 },
  legend: { float: 'left', marginRight: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold },
});

interface RollupResultProps {
  readonly rollup: RollupView;
  readonly settings: PaneSettings;
}

export function RollupResult({ rollup, settings }: RollupResultProps) {
  const styles = useStyles();
  const [area, width] = useContainerWidth<HTMLDivElement>();
  const [added, setAdded] = useState<ReadonlySet<FigureColumn>>(new Set());
  const available = availableColumns(rollup);
  const narrow = width !== null && width < NARROW_TABLE;
  const keyColumns = available.some((c) => KEY_COLUMNS.includes(c)) ? KEY_COLUMNS : (['share'] as const);
  const optional = available.filter((c) => !keyColumns.includes(c));
  const columns = narrow ? available.filter((c) => keyColumns.includes(c) || added.has(c)) : available;
  const toggle = (column: FigureColumn, on: boolean) => {
    const next = new Set(added);
    if (on) next.add(column);
    else next.delete(column);
    setAdded(next);
  };
  return (
    <>
      <Text>
        {plural(rollup.total.lines, 'budget line')} by {rollup.by.map((d) => dimensionInWords(d)).join(' and ')}, in {settings.displayUnit}.
      </Text>
      {narrow && optional.length > 0 && (
        <fieldset className={styles.choices}>
          <legend className={styles.legend}>Show columns</legend>
          {optional.map((c) => (
            <Checkbox key={c} label={FIGURE_TITLES[c]} checked={added.has(c)} onChange={(_, data) => toggle(c, data.checked === true)} />
          ))}
        </fieldset>
      )}
      <div ref={area} className={styles.scroll} tabIndex={0} role="region" aria-label="Rollup table">
        <RollupTable rollup={rollup} settings={settings} columns={columns} narrow={narrow} />
      </div>
      {(rollup.excluded.length > 0 || rollup.disagreements.length > 0) && <RollupNotes rollup={rollup} settings={settings} />}
    </>
  );
}

function RollupNotes({ rollup, settings }: RollupResultProps) {
  const styles = useStyles();
  const { excluded } = rollup;
  return (
    <ul className={styles.notes}>
      {excluded.length > 0 && (
        <li>
          {plural(excluded.length, 'line')} left out because a figure cannot be used (see the Check page):{' '}
          {excluded
            .slice(0, 3)
            .map((e) => `${e.sheet}!${e.cell}`)
            .join(', ')}
          {excluded.length > 3 ? ', …' : ''}
        </li>
      )}
      {rollup.disagreements.map((d) => (
        <li key={Object.values(d.key).join('|')}>
          {Object.values(d.key).join(', ')}: the model states {showMoney(d.stated, settings)}, the lines sum to {showMoney(d.computed, settings)} ({d.source}).
        </li>
      ))}
    </ul>
  );
}
