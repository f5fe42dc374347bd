/** What to check (the whole workbook or one sheet) and "Check workbook". */
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { checkableSheets, useWorkbench } from '../../workbench';

const WHOLE_WORKBOOK = '';

const useStyles = makeStyles({
  run: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  scope: { flexGrow: 1, minWidth: '10rem' },
});

export function CheckRunBar({ canCheck }: { readonly canCheck: boolean }) {
  const styles = useStyles();
  const workbench = useWorkbench();
  const [scope, setScope] = useState(WHOLE_WORKBOOK);
  const sheets = checkableSheets(workbench.workbook);
  return (
    <div className={styles.run}>
      {sheets.length > 0 && (
        <Field label="What to check" className={styles.scope}>
          <Select value={scope} onChange={(_, data) => setScope(data.value)}>
            <option value={WHOLE_WORKBOOK}>Whole workbook</option>
            {sheets.map((name) => (
              <option key={name} value={name}>
                Sheet: {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Button
        appearance="primary"
        disabled={!canCheck || workbench.busy !== null}
        onClick={() => void workbench.runCheck(scope === WHOLE_WORKBOOK ? undefined : scope)}
      >
        Check workbook
      </Button>
    </div>
  );
}
