/**
 * Which workbook the pane works on. Outside Excel: open an .xlsx file or the sample. In both: "Write
 * report" writes every generated sheet (outside Excel, as a downloaded copy of the file).
 */
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ChangeEvent } from 'react';
import { readFileBytes } from '../read-file';
import { useWorkbench } from '../workbench';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  status: { flexBasis: '100%', color: tokens.colorNeutralForeground2 },
  // The input stays in the page (focusable, named) but hidden; its label is the visible button.
  fileInput: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden' },
  fileLabel: {
    display: 'inline-flex',
    alignItems: 'center',
    minHeight: '32px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  focused: {
    ':focus-within': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  disabled: { opacity: 0.5, cursor: 'not-allowed' },
});

export function WorkbookBar() {
  const styles = useStyles();
  const inputId = useId();
  const workbench = useWorkbench();
  const { host, workbook, busy } = workbench;
  const label = workbook?.label ?? host.workbookLabel();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    await workbench.openFile({ fileName: file.name, bytes: await readFileBytes(file) });
  };

  const canWrite = host.kind === 'excel' || workbook !== null;
  return (
    <div className={styles.bar}>
      {host.kind === 'file' && (
        <>
          <label htmlFor={inputId} className={mergeClasses(styles.fileLabel, styles.focused, busy ? styles.disabled : undefined)}>
            Open workbook
            <input
              id={inputId}
              className={styles.fileInput}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy !== null}
              onChange={(event) => void onFile(event)}
            />
          </label>
          <Button onClick={() => void workbench.openSample()} disabled={busy !== null}>
            Try the sample workbook
          </Button>
        </>
      )}
      <Button
        appearance={host.kind === 'excel' ? 'secondary' : 'primary'}
        disabled={!canWrite || busy !== null}
        onClick={() => void workbench.write(['Findings', 'Rollup', 'Register', 'Panel report'])}
      >
        Write report
      </Button>
      <Text size={200} className={styles.status}>
        {host.kind === 'excel'
          ? 'Working on this workbook in Excel.'
          : label
            ? `Working on ${label} (your file is never changed).`
            : 'No workbook open: open an .xlsx file, or try the sample.'}
      </Text>
    </div>
  );
}
