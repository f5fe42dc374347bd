/**
 * Says when the results no longer describe the workbook (sheets edited since, or settings changed that
 * could change the findings) and offers to bring them up to date; after "Check changed sheets", says
 * what was checked again.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckView, RecheckView } from '../../engine/protocol';
import { listInWords } from '../../../reports/builders/context';
import { useWorkbench } from '../../workbench';

const useStyles = makeStyles({
  lines: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  note: { fontSize: tokens.fontSizeBase200 },
});

function rechecked(check: CheckView | null): readonly string[] | undefined {
  return check && 'rechecked' in check ? (check as RecheckView).rechecked : undefined;
}

export function StaleNotice() {
  const styles = useStyles();
  const workbench = useWorkbench().from('findings');
  const { stale, check, busy } = workbench;
  const again = rechecked(check);
  if (!stale) {
    if (!again) return null;
    return (
      <Text className={styles.note}>
        Checked again: {listInWords(again)}. Reconciliation and formula results were checked across the workbook; findings on other sheets are from the earlier
        check.
      </Text>
    );
  }
  // Settings changed: every finding may differ, so the whole check is made again.
  const whole = stale.settings.length > 0;
  return (
    <MessageBar intent="warning" layout="multiline" aria-live="polite">
      <MessageBarBody>
        <div className={styles.lines}>
          {stale.sheets.length > 0 && <span>Changed since checked: {stale.sheets.join(', ')}</span>}
          {whole && <span>Settings changed since checked: {listInWords(stale.settings)}</span>}
        </div>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" disabled={busy !== null} onClick={() => void workbench.checkChanged()}>
          {whole ? 'Check again' : 'Check changed sheets'}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
