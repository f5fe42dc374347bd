/** "Roll up by" and "Then by": the model's dimensions (when a model applies) and the workbook's own columns. */
import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { columnDimension, DIMENSIONS, dimensionTitle, type Dimension } from '../../../analysis/types';
import type { RollupView } from '../../engine/protocol';
import { useWorkbench } from '../../workbench';

const useStyles = makeStyles({
  dims: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(8.5rem, 1fr))', columnGap: tokens.spacingHorizontalS },
  shrink: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
});

interface DimensionChoices {
  /** Undefined when the engine is to choose: the workbook's first column of names. */
  readonly first: Dimension | undefined;
  readonly second: Dimension | undefined;
  readonly choices: readonly Dimension[];
}

/** What the pickers show and offer, given the dimensions chosen and the last rollup's own columns. */
function dimensionChoices(withModel: boolean, rollupBy: readonly Dimension[], rollup: RollupView | null): DimensionChoices {
  // Without a model there are no priority areas or funds to group by: the workbook's own columns and years.
  const offered: Dimension[] = [...(withModel ? DIMENSIONS : (['year'] as const)), ...(rollup?.columns ?? []).map(columnDimension)];
  const first = rollupBy[0] ?? rollup?.by[0] ?? (withModel ? 'priority-area' : undefined);
  const choices = first === undefined || offered.includes(first) ? offered : [first, ...offered];
  return { first, second: rollupBy[1], choices };
}

function DimensionOptions({ dimensions }: { readonly dimensions: readonly Dimension[] }) {
  return (
    <>
      {dimensions.map((d) => (
        <option key={d} value={d}>
          {dimensionTitle(d)}
        </option>
      ))}
    </>
  );
}

export function DimensionPickers({ rollup }: { readonly rollup: RollupView | null }) {
  const styles = useStyles();
  const workbench = useWorkbench();
  const { first, second, choices } = dimensionChoices(workbench.modelInUse.origin.kind !== 'none', workbench.rollupBy, rollup);
  return (
    <div className={styles.dims}>
      <Field label="Roll up by" className={styles.shrink}>
        <Select
          className={styles.select}
          value={first ?? ''}
          onChange={(_, data) => {
            const chosen = data.value as Dimension;
            workbench.setRollupBy(second && second !== chosen ? [chosen, second] : [chosen]);
          }}
        >
          {first === undefined && <option value="">The workbook's first column of names</option>}
          <DimensionOptions dimensions={choices} />
        </Select>
      </Field>
      <Field label="Then by" className={styles.shrink}>
        <Select
          className={styles.select}
          value={second ?? ''}
          disabled={first === undefined}
          onChange={(_, data) => first !== undefined && workbench.setRollupBy(data.value ? [first, data.value as Dimension] : [first])}
        >
          <option value="">(nothing)</option>
          <DimensionOptions dimensions={choices.filter((d) => d !== first)} />
        </Select>
      </Field>
    </div>
  );
}
