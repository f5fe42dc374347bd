/** Accept a finding with a reason, or ignore its rule here; a decision already made is shown and can be removed. */
import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { COMMON_ACCEPT_REASONS, decisionDate } from '../../../checks/decisions';
import type { Finding, FindingDecision } from '../../../checks/finding';
import { useWorkbench } from '../../workbench';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  decided: { fontWeight: tokens.fontWeightSemibold },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/** "B16 on Spend, total-mismatch": which finding a button acts on, after its visible text (WCAG 2.5.3). */
function whichFinding(finding: Finding): string {
  return `${finding.cell} on ${finding.sheet}, ${finding.rule}`;
}

/** "Accepted on 2020-01-08: Rounding explained" or "Rule ignored here on 2020-01-08". */
export function decisionSentence(decision: FindingDecision): string {
  const reason = decision.reason.trim();
  const head = decision.kind === 'accepted' ? `Accepted on ${decision.date}` : `Rule ignored here on ${decision.date}`;
  return reason ? `${head}: ${reason}` : head;
}

export function DecisionControls({ finding }: { readonly finding: Finding }) {
  const styles = useStyles();
  const workbench = useWorkbench().from('findings');
  const [formOpen, setFormOpen] = useState(false);
  // Fluent's components take no ref of ours: the row's first button is the Accept… button.
  const rowRef = useRef<HTMLDivElement>(null);
  const busy = workbench.busy !== null;
  const decide = (decision: FindingDecision | null): Promise<boolean> => workbench.decide(finding, decision);

  if (finding.decision) {
    return (
      <div className={styles.row}>
        <Text className={styles.decided}>{decisionSentence(finding.decision)}</Text>
        <Button size="small" disabled={busy} onClick={() => void decide(null)} aria-label={`Remove decision (${whichFinding(finding)})`}>
          Remove decision
        </Button>
      </div>
    );
  }
  if (formOpen) {
    const close = (): void => {
      setFormOpen(false);
      // Back to the button that opened the form, so keyboard users do not lose their place.
      setTimeout(() => rowRef.current?.querySelector('button')?.focus(), 0);
    };
    return (
      <AcceptForm
        finding={finding}
        busy={busy}
        onCancel={close}
        onSave={async (reason) => {
          if (await decide({ kind: 'accepted', reason, date: decisionDate(new Date()) })) setFormOpen(false);
        }}
      />
    );
  }
  return (
    <div className={styles.row} ref={rowRef}>
      <Button size="small" disabled={busy} onClick={() => setFormOpen(true)} aria-label={`Accept… (${whichFinding(finding)})`}>
        Accept…
      </Button>
      <Button
        size="small"
        appearance="subtle"
        disabled={busy}
        onClick={() => void decide({ kind: 'ignored', reason: '', date: decisionDate(new Date()) })}
        aria-label={`Ignore this rule here (${whichFinding(finding)})`}
      >
        Ignore this rule here
      </Button>
    </div>
  );
}

const OTHER = 'other';

/** A field's error shown inline under it, or none. */
function fieldProblem(problem: string | null) {
  return problem ? { validationMessage: problem, validationState: 'error' as const } : { validationState: 'none' as const };
}

interface AcceptFormProps {
  readonly finding: Finding;
  readonly busy: boolean;
  readonly onCancel: () => void;
  readonly onSave: (reason: string) => Promise<void>;
}

/** The form's state: the reason chosen or written, its inline problem, and Save (which refuses a missing reason). */
function useReasonForm(onSave: (reason: string) => Promise<void>) {
  const [choice, setChoiceState] = useState('');
  const [own, setOwn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const focusField = (selector: string): void => formRef.current?.querySelector<HTMLInputElement>(selector)?.focus();
  useEffect(() => focusField('input[type="radio"]'), []);
  const setChoice = (value: string): void => {
    setChoiceState(value);
    setProblem(null);
  };
  const save = (): void => {
    const reason = choice === OTHER ? own.trim() : choice;
    if (reason === '') {
      setProblem(choice === OTHER ? 'Write the reason, or choose one of those above.' : 'Choose a reason, or write your own.');
      focusField(choice === OTHER ? 'input[type="text"]' : 'input[type="radio"]');
      return;
    }
    setProblem(null);
    void onSave(reason);
  };
  return { choice, setChoice, own, setOwn, problem, formRef, save };
}

/** The reason for accepting: one of the common ones, or the reviewer's own words. Escape cancels. */
function AcceptForm({ finding, busy, onCancel, onSave }: AcceptFormProps) {
  const styles = useStyles();
  const { choice, setChoice, own, setOwn, problem, formRef, save } = useReasonForm(onSave);
  const headingId = useId();
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <div className={styles.form} ref={formRef} role="group" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <Text id={headingId} weight="semibold">
        Accept {finding.cell} on {finding.sheet}
      </Text>
      <Field label="Reason" required {...fieldProblem(choice !== OTHER ? problem : null)}>
        <RadioGroup value={choice} onChange={(_, data) => setChoice(data.value)}>
          {COMMON_ACCEPT_REASONS.map((reason) => (
            <Radio key={reason} value={reason} label={reason} />
          ))}
          <Radio value={OTHER} label="Another reason" />
        </RadioGroup>
      </Field>
      {choice === OTHER && (
        <Field label="Your reason" required {...fieldProblem(problem)}>
          <Input
            value={own}
            onChange={(_, data) => setOwn(data.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') save();
            }}
          />
        </Field>
      )}
      <Text className={styles.note}>An accepted finding opens again if its figures change.</Text>
      <div className={styles.row}>
        <Button size="small" disabled={busy} onClick={save}>
          Save
        </Button>
        <Button size="small" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
