/** The register as built: its size and total, its own checks and the amounts by type; then its first records. Money in the display unit. */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneSettings } from '../../../app/settings';
import type { RegisterView } from '../../engine/protocol';
import { plural, showMoney } from '../../format';
import { useWorkbench } from '../../workbench';

/** Records listed in the pane; the Register sheet has them all. */
const RECORDS_SHOWN = 100;

const useStyles = makeStyles({
  records: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  record: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  recordHead: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  recipient: { color: tokens.colorNeutralForeground2 },
  amount: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', marginLeft: 'auto' },
  errors: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function RegisterSummary({ register }: { readonly register: RegisterView }) {
  const styles = useStyles();
  const { settings } = useWorkbench();
  const errors = register.findings.filter((f) => f.severity === 'error').length;
  return (
    <>
      <Text>
        {plural(register.records.length, 'contract or grant', 'contracts and grants')}, {showMoney(register.total, settings)} in all.
      </Text>
      {register.findings.length > 0 && (
        <Text className={errors > 0 ? styles.errors : undefined}>
          Register checks: {plural(errors, 'error')}, {plural(register.findings.length - errors, 'other finding')}
          {errors > 0 ? ': not ready to publish (see the Check page).' : '.'}
        </Text>
      )}
      {register.byType.length > 0 && <TypesTable byType={register.byType} settings={settings} />}
    </>
  );
}

/** The first records (the Register sheet has them all). */
export function RegisterRecords({ register }: { readonly register: RegisterView }) {
  const { settings } = useWorkbench();
  return (
    <>
      {register.records.length > 0 && <RecordList records={register.records} settings={settings} />}
      {register.records.length > RECORDS_SHOWN && (
        <Text>
          The first {RECORDS_SHOWN} records are shown; the Register sheet lists all {register.records.length}.
        </Text>
      )}
    </>
  );
}

function TypesTable({ byType, settings }: { readonly byType: RegisterView['byType']; readonly settings: PaneSettings }) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label="Records and amounts by type">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Type</TableHeaderCell>
          <TableHeaderCell scope="col" className={styles.amount}>
            Records
          </TableHeaderCell>
          <TableHeaderCell scope="col" className={styles.amount}>
            Amount
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {byType.map((t) => (
          <TableRow key={t.type}>
            <TableCell>{t.type}</TableCell>
            <TableCell className={styles.amount}>{t.records}</TableCell>
            <TableCell className={styles.amount}>{showMoney(t.amount, settings)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function RecordList({ records, settings }: { readonly records: RegisterView['records']; readonly settings: PaneSettings }) {
  const styles = useStyles();
  return (
    <ul className={styles.records} aria-label="Contracts and grants">
      {records.slice(0, RECORDS_SHOWN).map((r) => (
        <li key={`${r.sheet}:${r.row}`} className={styles.record}>
          <div className={styles.recordHead}>
            <Text weight="semibold">{r.ref ?? 'No ref'}</Text>
            <Text>{r.type ?? 'Type not given'}</Text>
            <Text className={styles.amount}>{r.amount ? showMoney(r.amount, settings) : 'No amount'}</Text>
            {r.rag && <Text>{r.rag}</Text>}
          </div>
          <Text>{r.title ?? 'No title'}</Text>
          <Text size={200} className={styles.recipient}>
            {r.recipient ?? 'No recipient'}
          </Text>
        </li>
      ))}
    </ul>
  );
}
