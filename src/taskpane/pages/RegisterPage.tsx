/**
 * Register: the Contracts and Grants Register as it would be published (records, totals by type, the
 * register's own findings), "Write register", and the 360Giving export as a download.
 */
import {
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { formatAmount } from '../../money/format';
import type { Giving360Result, RegisterView } from '../engine/protocol';
import { plural } from '../format';
import { copyText } from '../host/download';
import { useWorkbench } from '../workbench';

/** Records listed in the pane; the Register sheet has them all. */
const RECORDS_SHOWN = 100;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
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
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function pounds(amount: RegisterView['total']): string {
  return formatAmount(amount, { unit: '£', decimals: amount.isInteger() ? 0 : 2 });
}

/** "JSON" or "CSV": how the export is written, in words for a notice. */
function exportKind(exported: Giving360Result): string {
  return /json/i.test(exported.mimeType) ? 'JSON' : 'CSV';
}

export function RegisterPage() {
  const styles = useStyles();
  const { host, workbook, busy, model, ask, write, showNotice } = useWorkbench();
  const [register, setRegister] = useState<RegisterView | null>(null);
  const [prefix, setPrefix] = useState('');
  const [funderId, setFunderId] = useState('');
  const [format, setFormat] = useState<'json' | 'csv'>('json');
  const [exported, setExported] = useState<Giving360Result | null>(null);
  const canRun = host.kind === 'excel' || workbook !== null;
  // Excel for Mac and iPad ignore downloads from the pane: there the export is prepared, then copied.
  const canDownload = host.canDownload();
  const errors = register ? register.findings.filter((f) => f.severity === 'error').length : 0;

  const build = async () => {
    const view = await ask('Building the register', 'register', {});
    if (view) setRegister(view);
  };

  const exportGrants = async () => {
    const result = await ask('Exporting to 360Giving', 'giving360', {
      prefix: prefix.trim(),
      format,
      today: new Date(),
      ...(funderId.trim() ? { funderId: funderId.trim() } : {}),
    });
    if (!result) return;
    if (canDownload) host.download(result.fileName, result.text, result.mimeType);
    setExported(result);
  };

  const copyExport = async () => {
    if (!exported) return;
    const kind = exportKind(exported);
    try {
      await copyText(exported.text);
      showNotice(`Copied ${plural(exported.grants, 'grant')} as ${kind} to the clipboard: paste them into a text editor and save the file as ${exported.fileName}.`);
    } catch (caught) {
      const reason = caught instanceof Error ? caught.message : String(caught);
      showNotice(`Could not copy the 360Giving export to the clipboard (${reason}).${canDownload ? ' Use "Download" instead.' : ' Open this page in a web browser to download it.'}`);
    }
  };

  const downloadExport = () => {
    if (!exported) return;
    host.download(exported.fileName, exported.text, exported.mimeType);
    showNotice(
      canDownload
        ? `Downloaded ${exported.fileName}: ${plural(exported.grants, 'grant')} as ${exportKind(exported)}.`
        : `Offered ${exported.fileName} as a download, but Excel for Mac and iPad do not save downloads from the pane: use "Copy to clipboard" instead.`,
    );
  };

  return (
    <section className={styles.page} aria-labelledby="register-heading">
      <Subtitle2 as="h2" id="register-heading">
        Register
      </Subtitle2>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!canRun || busy !== null} onClick={() => void build()}>
          Build register
        </Button>
        <Button disabled={!canRun || busy !== null} onClick={() => void write(['Register'])}>
          Write register
        </Button>
      </div>
      {!canRun && <Text>Open a workbook (or try the sample) to build its register.</Text>}

      {register && (
        <>
          <Text>
            {plural(register.records.length, 'contract or grant', 'contracts and grants')}, {pounds(register.total)} in all.
          </Text>
          {register.findings.length > 0 && (
            <Text className={errors > 0 ? styles.errors : undefined}>
              Register checks: {plural(errors, 'error')}, {plural(register.findings.length - errors, 'other finding')}
              {errors > 0 ? ': not ready to publish (see the Check page).' : '.'}
            </Text>
          )}
          {register.byType.length > 0 && (
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
                {register.byType.map((t) => (
                  <TableRow key={t.type}>
                    <TableCell>{t.type}</TableCell>
                    <TableCell className={styles.amount}>{t.records}</TableCell>
                    <TableCell className={styles.amount}>{pounds(t.amount)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {register.records.length > 0 && (
            <ul className={styles.records} aria-label="Contracts and grants">
              {register.records.slice(0, RECORDS_SHOWN).map((r) => (
                <li key={`${r.sheet}:${r.row}`} className={styles.record}>
                  <div className={styles.recordHead}>
                    <Text weight="semibold">{r.ref ?? 'No ref'}</Text>
                    <Text>{r.type ?? 'Type not given'}</Text>
                    <Text className={styles.amount}>{r.amount ? pounds(r.amount) : 'No amount'}</Text>
                    {r.rag && <Text>{r.rag}</Text>}
                  </div>
                  <Text>{r.title ?? 'No title'}</Text>
                  <Text size={200} className={styles.recipient}>
                    {r.recipient ?? 'No recipient'}
                  </Text>
                </li>
              ))}
            </ul>
          )}
          {register.records.length > RECORDS_SHOWN && <Text>The first {RECORDS_SHOWN} records are shown; the Register sheet lists all {register.records.length}.</Text>}
        </>
      )}

      <section className={styles.section} aria-labelledby="giving360-heading">
        <h3 id="giving360-heading" className={styles.h3}>
          360Giving export
        </h3>
        <Text size={200}>The register in the 360Giving Data Standard, checked against its schema before you get the file.</Text>
        <Field label="360Giving prefix" hint="Your organisation's registered prefix, such as 360G-mopac." required>
          <Input value={prefix} placeholder="360G-…" onChange={(_, data) => setPrefix(data.value)} />
        </Field>
        <Field label="Funding organisation id (optional)" hint={`Default: ${model.organisation.orgId}, from the model.`}>
          <Input value={funderId} onChange={(_, data) => setFunderId(data.value)} />
        </Field>
        <Field label="Format">
          <RadioGroup layout="horizontal" value={format} onChange={(_, data) => setFormat(data.value as 'json' | 'csv')}>
            <Radio value="json" label="JSON package" />
            <Radio value="csv" label="CSV" />
          </RadioGroup>
        </Field>
        <div className={styles.actions}>
          <Button disabled={!canRun || busy !== null || prefix.trim() === ''} onClick={() => void exportGrants()}>
            {canDownload ? 'Download 360Giving export' : 'Prepare 360Giving export'}
          </Button>
        </div>
        {!canDownload && (
          <Text size={200}>Excel for Mac and for iPad do not save downloads from the pane: prepare the export, then copy it to the clipboard and paste it into a file.</Text>
        )}
        {exported && (
          <div className={styles.actions}>
            {/* The route that works here comes first; both need the click itself (the clipboard needs the user's gesture). */}
            {canDownload ? (
              <>
                <Button onClick={downloadExport}>Download {exported.fileName} again</Button>
                <Button onClick={() => void copyExport()}>Copy to clipboard</Button>
              </>
            ) : (
              <>
                <Button appearance="primary" onClick={() => void copyExport()}>
                  Copy to clipboard
                </Button>
                <Button onClick={downloadExport}>Download {exported.fileName}</Button>
              </>
            )}
          </div>
        )}
        {exported && (
          <ul className={styles.list} aria-label="Export summary">
            <li>
              {exported.fileName}: {plural(exported.grants, 'grant')} worth {exported.total}.
            </li>
            {exported.registerErrors > 0 && <li className={styles.errors}>The register has {plural(exported.registerErrors, 'error')}: fix before publishing.</li>}
            {exported.skipped.length > 0 && (
              <li>
                Left out: {exported.skipped.map((s) => `${s.ref} (${s.where ? `${s.where}: ` : ''}${s.reason})`).join('; ')}.
              </li>
            )}
            {exported.internalOrganisations.length > 0 && <li>{plural(exported.internalOrganisations.length, 'recipient')} need a real org-id: {exported.internalOrganisations.join('; ')}.</li>}
            {exported.funderIdProblem && <li>The funding organisation id {exported.funderIdProblem}.</li>}
          </ul>
        )}
      </section>
    </section>
  );
}
