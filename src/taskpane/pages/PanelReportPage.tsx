/**
 * Panel report (a part of Publish): the audit-panel appendix. The readiness line comes first (errors open,
 * or none: from the report once prepared, else from the last check, even one marked changed since); then
 * the tables the report would hold, each of which the author may leave out; then "Write panel report".
 */
import { Button, Checkbox, MessageBar, MessageBarBody, MessageBarTitle, Text, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { PlaceMessages } from '../components/StatusArea';
import type { CheckView, PanelView } from '../engine/protocol';
import { plural } from '../format';
import { useWorkbench } from '../workbench';
import { usePanelReport, type PanelReport } from './panel/usePanelReport';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  tables: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

export function PanelReportPage() {
  const styles = useStyles();
  const { host, workbook, busy, modelInUse, check } = useWorkbench();
  const report = usePanelReport();
  const { panel } = report;
  // The appendix is the model's organisation's: without a model there is no panel to report to.
  const noModel = modelInUse.origin.kind === 'none' ? modelInUse.origin.reason : null;
  const canRun = (host.kind === 'excel' || workbook !== null) && noModel === null;
  return (
    <section className={styles.page} aria-labelledby="panel-heading">
      <Subtitle2 as="h3" id="panel-heading">
        Panel report
      </Subtitle2>
      {panel ? <ReadinessBar panel={panel} /> : check && noModel === null && <CheckReadiness check={check} />}
      <div className={styles.actions}>
        <Button appearance={panel ? 'secondary' : 'primary'} disabled={!canRun || busy !== null} onClick={() => void report.prepare()}>
          {panel ? 'Check readiness again' : 'Prepare panel report'}
        </Button>
      </div>
      <PlaceMessages place="panel" />
      {noModel !== null && (
        <Text>
          No panel report: no model applies to this workbook ({noModel}). Its Findings, Rollup and Register sheets can be written from the Check, Analyse and
          Publish pages; create a model from it under More › Model to report to a panel.
        </Text>
      )}
      {!canRun && noModel === null && <Text>Open a workbook (or try the sample) to prepare its panel report.</Text>}
      {panel && <TableChoice panel={panel} report={report} />}
    </section>
  );
}

/** Whether the workbook is ready for the panel: no errors open, or how many there are to fix first. */
function ReadinessBar({ panel }: { readonly panel: PanelView }) {
  return (
    <MessageBar intent={panel.readiness.ready ? 'success' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{panel.readiness.text}</MessageBarTitle>
        {panel.readiness.ready
          ? 'The checks found no errors; warnings and info are on the Findings sheet.'
          : `Fix the errors on the Check page before this goes to the panel (${plural(panel.summary.warnings, 'warning')} and ${panel.summary.info.toLocaleString('en-GB')} info as well).`}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Before the report is prepared: readiness from the last check, kept (and said to be out of date) when the workbook or settings change. */
function CheckReadiness({ check }: { readonly check: CheckView }) {
  const { stale } = useWorkbench();
  const { errors } = check.summary;
  const changed = stale ? [...stale.sheets, ...stale.settings] : [];
  return (
    <MessageBar intent={errors === 0 ? 'success' : 'warning'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>From the last check</MessageBarTitle>
        {errors === 0
          ? 'No errors found: prepare the report to see its tables.'
          : `${plural(errors, 'error')} to fix on the Check page before this goes to the panel.`}
        {changed.length > 0 && ` Changed since checked: ${changed.join(', ')}; check again to bring it up to date.`}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The report's notes, the tables to include and "Write panel report". */
function TableChoice({ panel, report }: { readonly panel: PanelView; readonly report: PanelReport }) {
  const styles = useStyles();
  const workbench = useWorkbench().from('panel');
  const { excluded, chosen } = report;
  return (
    <>
      {panel.notes.length > 0 && (
        <ul className={styles.notes} aria-label="Notes">
          {panel.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <fieldset className={styles.tables}>
        <legend className={styles.legend}>
          Tables to include ({chosen} of {panel.tables.length})
        </legend>
        {panel.tables.map((t) => (
          <Checkbox key={t.name} label={t.title} checked={!excluded.has(t.name)} onChange={(_, data) => report.include(t.name, data.checked === true)} />
        ))}
      </fieldset>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={workbench.busy !== null || chosen === 0}
          onClick={() => void workbench.write(['Panel report'], { panel: { excludeTables: [...excluded] } })}
        >
          Write panel report
        </Button>
      </div>
    </>
  );
}
