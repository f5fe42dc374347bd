/** The work under way (progress and Cancel), the last error (what failed and what to do) and the last notice. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useWorkbench } from '../workbench';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  busy: { display: 'grid', gridTemplateColumns: '1fr auto', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  bar: { gridColumn: '1 / -1' },
  details: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  next: { display: 'block', marginTop: tokens.spacingVerticalXS },
});

export function StatusArea() {
  const styles = useStyles();
  const workbench = useWorkbench();
  const { busy, error, notice } = workbench;
  return (
    <div className={styles.area}>
      {busy && (
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
      )}
      {error && (
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
            <Button size="small" onClick={() => workbench.dismissError()}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && !error && (
        <MessageBar intent="info" layout="multiline" aria-live="polite">
          <MessageBarBody>{notice}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => workbench.dismissNotice()}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
