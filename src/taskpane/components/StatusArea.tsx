/**
 * The work under way (progress and Cancel, kept in view at the foot of the pane while it runs), and the
 * last error or notice, each shown at its place: beside the action that raised it (workbench-work.ts).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneError } from '../explain-error';
import { useWorkbench } from '../workbench';
import type { Place } from '../workbench-work';

const useStyles = makeStyles({
  // Sticky at the foot: whatever the user has scrolled to, the work under way and its Cancel stay in view.
  busy: {
    position: 'sticky',
    bottom: 0,
    zIndex: 2,
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  bar: { gridColumn: '1 / -1' },
  details: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  next: { display: 'block', marginTop: tokens.spacingVerticalXS },
});

/** What is under way, its progress and Cancel; nothing when the pane is idle. */
export function WorkStatus() {
  const styles = useStyles();
  const workbench = useWorkbench();
  const { busy } = workbench;
  if (!busy) return null;
  return (
    <div className={styles.busy} role="status" aria-live="polite">
      <Text>
        {busy.label}
        {busy.progress && busy.progress.stage !== busy.label ? `: ${busy.progress.stage.toLowerCase()}` : ''}…
      </Text>
      <Button size="small" onClick={() => workbench.cancel()}>
        Cancel
      </Button>
      <ProgressBar className={styles.bar} aria-label={busy.label} {...(busy.progress?.fraction !== undefined ? { value: busy.progress.fraction } : {})} />
    </div>
  );
}

/** The error or notice raised at `place` (null: the general place, for messages no action claimed); nothing otherwise. */
export function PlaceMessages({ place }: { readonly place: Place | null }) {
  const workbench = useWorkbench();
  const { error, notice } = workbench;
  if (workbench.place !== place) return null;
  if (error) return <ErrorBar error={error} onDismiss={() => workbench.dismissError()} />;
  if (!notice) return null;
  return (
    <MessageBar intent="info" layout="multiline" aria-live="polite">
      <MessageBarBody>{notice}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => workbench.dismissNotice()}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

function ErrorBar({ error, onDismiss }: { readonly error: PaneError; readonly onDismiss: () => void }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline" aria-live="assertive">
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        {error.message}
        {error.details.length > 0 && (
          <ul className={styles.details}>
            {error.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <Text className={styles.next} weight="semibold">
          {error.next}
        </Text>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          Dismiss
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
