/** The last rollup: what it covers, the table (scrolled sideways in a narrow pane) and notes on lines left out or figures that disagree. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { dimensionInWords } from '../../../analysis/types';
import type { PaneSettings } from '../../../app/settings';
import type { RollupView } from '../../engine/protocol';
import { plural, showMoney } from '../../format';
import { RollupTable } from './RollupTable';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%', ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

interface RollupResultProps {
  readonly rollup: RollupView;
  readonly settings: PaneSettings;
}

export function RollupResult({ rollup, settings }: RollupResultProps) {
  const styles = useStyles();
  return (
    <>
      <Text>
        {plural(rollup.total.lines, 'budget line')} by {rollup.by.map((d) => dimensionInWords(d)).join(' and ')}, in {settings.displayUnit}.
      </Text>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label="Rollup table">
        <RollupTable rollup={rollup} settings={settings} />
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
