/**
 * Which workbook the pane works on, in the header's few lines. Outside Excel: the file worked on, and
 * "Open workbook" or "Try the sample". In both: "Write report" writes every generated sheet (outside Excel,
 * as a downloaded copy of the file).
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { readFileBytes } from '../read-file';
import { useWorkbench } from '../workbench';
import { FileButton } from './FileButton';

const useStyles = makeStyles({
  status: { color: tokens.colorNeutralForeground2 },
  open: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** "Connected to Excel", or outside Excel which file is worked on (or that none is open yet). */
export function WorkbookStatus() {
  const styles = useStyles();
  const { host, workbook } = useWorkbench();
  if (host.kind === 'excel') return <Text size={200}>Connected to Excel</Text>;
  const label = workbook?.label ?? host.workbookLabel();
  return (
    <Text size={200} className={styles.status}>
      <span>Not running inside Excel</span> ·{' '}
      <span>{label ? `Working on ${label} (your file is never changed).` : 'No workbook open: open an .xlsx file, or try the sample.'}</span>
    </Text>
  );
}

/** Outside Excel: open a workbook of one's own, or the sample. */
export function OpenWorkbook() {
  const styles = useStyles();
  const workbench = useWorkbench().from('workbook');
  const { busy } = workbench;
  const onFile = async (file: File) => {
    await workbench.openFile({ fileName: file.name, bytes: await readFileBytes(file) });
  };
  return (
    <div className={styles.open}>
      <FileButton size="small" label="Open workbook" accept={XLSX_TYPES} disabled={busy !== null} onFile={(file) => void onFile(file)} />
      <Button size="small" onClick={() => void workbench.openSample()} disabled={busy !== null}>
        Try the sample
      </Button>
    </div>
  );
}

/** Secondary everywhere: each page's own action is the one primary button in view. */
export function WriteReport() {
  const workbench = useWorkbench().from('workbook');
  const { host, workbook, busy } = workbench;
  const canWrite = host.kind === 'excel' || workbook !== null;
  return (
    <Button size="small" disabled={!canWrite || busy !== null} onClick={() => void workbench.write(['Findings', 'Rollup', 'Register', 'Panel report'])}>
      Write report
    </Button>
  );
}
