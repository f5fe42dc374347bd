/**
 * The four RAG thresholds as inputs: a variance turns amber, then red, past a share of budget or an amount.
 * Amounts show with thousands separators ("100,000") and are read with or without them; a problem shows
 * under its field as soon as the field is left.
 */
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { RagThresholds } from '../../model/types';
import type { RagKey } from '../settings';

/** The thresholds as typed: text, read by ragFromInputs when applied. */
export type RagDraft = Readonly<Record<RagKey, string>>;

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(8.5rem, 1fr))',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    border: 'none',
    margin: 0,
    padding: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  // Grid items may shrink below the inputs' own minimum width, so two fit side by side in a narrow pane.
  field: { minWidth: 0 },
  input: { minWidth: 0, width: '100%' },
});

/** "100000" as "100,000" (decimals kept as they are): the plain decimal the model stores, as people read it. */
function withSeparators(plain: string): string {
  const [whole, fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export function ragDraftOf(rag: RagThresholds): RagDraft {
  return { amberPct: rag.amberPct, redPct: rag.redPct, amberAbs: withSeparators(rag.amberAbs), redAbs: withSeparators(rag.redAbs) };
}

const FIELDS: readonly { readonly key: keyof RagDraft; readonly label: string; readonly hint: string }[] = [
  { key: 'amberPct', label: 'Amber at (% of budget)', hint: 'such as 5' },
  { key: 'redPct', label: 'Red at (% of budget)', hint: 'such as 10' },
  { key: 'amberAbs', label: 'Amber at (£)', hint: 'such as 100,000' },
  { key: 'redAbs', label: 'Red at (£)', hint: 'such as 500,000' },
];

/** A field's problem, shown as its validation message; a field without one shows none. */
function fieldProblem(problem: string | undefined) {
  return problem ? { validationMessage: problem, validationState: 'error' as const } : { validationState: 'none' as const };
}

export function RagFields({
  draft,
  onChange,
  onBlur,
  problems,
}: {
  draft: RagDraft;
  onChange: (draft: RagDraft) => void;
  /** Leaving a field: the caller checks the thresholds as typed. */
  onBlur?: () => void;
  problems: Partial<Record<keyof RagDraft, string>>;
}) {
  const styles = useStyles();
  return (
    <fieldset className={styles.grid} onBlur={onBlur}>
      <legend className={styles.legend}>RAG thresholds (whichever limit a variance passes first)</legend>
      {FIELDS.map(({ key, label, hint }) => (
        <Field key={key} className={styles.field} label={label} {...fieldProblem(problems[key])}>
          <Input
            className={styles.input}
            value={draft[key]}
            inputMode="decimal"
            placeholder={hint}
            onChange={(_, data) => onChange({ ...draft, [key]: data.value })}
          />
        </Field>
      ))}
    </fieldset>
  );
}
