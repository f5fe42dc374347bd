/**
 * Check: runs every rule on the workbook (or one sheet) and lists what a reviewer should look at,
 * grouped by sheet, filterable by severity and rule; each finding goes to its cell.
 */
import {
  Badge,
  Button,
  Checkbox,
  Field,
  Select,
  Text,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { Finding, RuleId, Severity } from '../../checks/finding';
import { plural } from '../format';
import { checkableSheets, useWorkbench } from '../workbench';
import { TableStructure, tableAt } from '../components/TableStructure';

/** Findings drawn at first; more on request, so a workbook with thousands of findings stays responsive. */
export const FINDINGS_PAGE = 200;
const WHOLE_WORKBOOK = '';

const SEVERITIES: readonly { readonly severity: Severity; readonly label: string; readonly badge: 'danger' | 'warning' | 'informative' }[] = [
  { severity: 'error', label: 'Errors', badge: 'danger' },
  { severity: 'warning', label: 'Warnings', badge: 'warning' },
  { severity: 'info', label: 'Info', badge: 'informative' },
];
const SEVERITY_WORD: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Info' };

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  run: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  scope: { flexGrow: 1, minWidth: '10rem' },
  summary: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  ready: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  notReady: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  filters: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0 },
  severityBoxes: { display: 'flex', flexWrap: 'wrap' },
  sheetHeading: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  finding: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  selected: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  findingHead: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, flexGrow: 1 },
  figures: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  suggestion: { fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

function findingKey(f: Finding, index: number): string {
  return `${f.sheet}!${f.cell}:${f.rule}:${index}`;
}

export function CheckPage() {
  const styles = useStyles();
  const { host, workbook, check, checkScope, busy, runCheck, select, write, modelInUse } = useWorkbench();
  const [scope, setScope] = useState(WHOLE_WORKBOOK);
  const [shown, setShown] = useState<ReadonlySet<Severity>>(new Set<Severity>(['error', 'warning', 'info']));
  const [rule, setRule] = useState<RuleId | ''>('');
  const [limit, setLimit] = useState(FINDINGS_PAGE);
  const [selected, setSelected] = useState<string | null>(null);

  const sheets = checkableSheets(workbook);
  const canCheck = host.kind === 'excel' || workbook !== null;

  const filtered = useMemo(
    () =>
      (check?.findings ?? [])
        .map((finding, index) => ({ finding, key: findingKey(finding, index) }))
        .filter(({ finding }) => shown.has(finding.severity) && (rule === '' || finding.rule === rule)),
    [check, shown, rule],
  );
  const visible = filtered.slice(0, limit);
  const bySheet = useMemo(() => {
    const groups = new Map<string, typeof visible>();
    for (const item of visible) {
      const group = groups.get(item.finding.sheet);
      if (group) group.push(item);
      else groups.set(item.finding.sheet, [item]);
    }
    return [...groups];
  }, [visible]);
  const ruleCounts = useMemo(() => {
    const counts = new Map<RuleId, number>();
    for (const f of check?.findings ?? []) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    return counts;
  }, [check]);

  const toggle = (severity: Severity, on: boolean) => {
    const next = new Set(shown);
    if (on) next.add(severity);
    else next.delete(severity);
    setShown(next);
    setLimit(FINDINGS_PAGE);
  };

  const goTo = (key: string, finding: Finding) => {
    setSelected(key);
    void select(finding.sheet, finding.cell);
  };

  return (
    <section className={styles.page} aria-labelledby="check-heading">
      <Subtitle2 as="h2" id="check-heading">
        Check
      </Subtitle2>
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
        <Button appearance="primary" disabled={!canCheck || busy !== null} onClick={() => void runCheck(scope === WHOLE_WORKBOOK ? undefined : scope)}>
          Check workbook
        </Button>
      </div>
      {!canCheck && <Text>Open a workbook (or try the sample) to check it.</Text>}

      {check && (
        <>
          <div className={styles.summary} aria-label="Summary" role="group">
            <Text>
              {plural(check.tables.length, 'table')} checked {checkScope ? `on “${checkScope}”` : `on ${plural(check.sheets.length, 'sheet')}`}
              {modelInUse.origin.kind === 'none' ? ' without a model.' : '.'}
            </Text>
            {modelInUse.origin.kind === 'none' && (
              <Text size={200}>
                No model applies: {modelInUse.origin.reason}. Checked for structure, arithmetic, notation and registers; the Model page can create a model from this
                workbook.
              </Text>
            )}
            {check.coverage?.map((line) => (
              <Text key={line} size={200}>
                {line}
              </Text>
            ))}
            <div className={styles.counts}>
              <Badge appearance="filled" color="danger">
                {plural(check.summary.errors, 'error')}
              </Badge>
              <Badge appearance="filled" color="warning">
                {plural(check.summary.warnings, 'warning')}
              </Badge>
              <Badge appearance="filled" color="informative">
                {check.summary.info} info
              </Badge>
            </div>
            <Text className={check.summary.errors > 0 ? styles.notReady : styles.ready}>
              {check.summary.errors > 0 ? `${plural(check.summary.errors, 'error')} open: not ready for the panel` : 'No errors open'}
            </Text>
          </div>

          <fieldset className={styles.filters}>
            <legend>
              <Text weight="semibold">Show</Text>
            </legend>
            <div className={styles.severityBoxes}>
              {SEVERITIES.map(({ severity, label }) => {
                const count = severity === 'error' ? check.summary.errors : severity === 'warning' ? check.summary.warnings : check.summary.info;
                return <Checkbox key={severity} label={`${label} (${count})`} checked={shown.has(severity)} onChange={(_, data) => toggle(severity, data.checked === true)} />;
              })}
            </div>
            <Field label="Rule">
              <Select
                value={rule}
                onChange={(_, data) => {
                  setRule(data.value as RuleId | '');
                  setLimit(FINDINGS_PAGE);
                }}
              >
                <option value="">All rules</option>
                {check.rules.map((id) => (
                  <option key={id} value={id}>
                    {id} ({ruleCounts.get(id) ?? 0})
                  </option>
                ))}
              </Select>
            </Field>
          </fieldset>

          <Text aria-live="polite">
            {filtered.length === check.findings.length ? `${plural(filtered.length, 'finding')}` : `${plural(filtered.length, 'finding')} of ${check.findings.length} shown by the filters`}
          </Text>

          {bySheet.map(([sheet, items]) => (
            <section key={sheet} aria-label={`Findings on ${sheet}`}>
              <h3 className={styles.sheetHeading}>
                {sheet} ({items.length})
              </h3>
              <ul className={styles.list}>
                {items.map(({ finding, key }) => (
                  <li key={key} className={mergeClasses(styles.finding, selected === key && styles.selected)} aria-current={selected === key ? 'true' : undefined}>
                    <div className={styles.findingHead}>
                      <Badge appearance="tint" color={SEVERITIES.find((s) => s.severity === finding.severity)!.badge}>
                        {SEVERITY_WORD[finding.severity]}
                      </Badge>
                      <span className={styles.rule}>{finding.rule}</span>
                      <Button size="small" onClick={() => goTo(key, finding)} aria-label={`Go to ${finding.sheet}!${finding.cell} (${finding.rule})`}>
                        Go to {finding.cell}
                      </Button>
                    </div>
                    <Text>{finding.message}</Text>
                    {(finding.expected !== undefined || finding.actual !== undefined) && (
                      <Text className={styles.figures}>
                        {[finding.expected !== undefined ? `Expected ${finding.expected}` : '', finding.actual !== undefined ? `actual ${finding.actual}` : '']
                          .filter(Boolean)
                          .join(', ')}
                        {finding.unit ? ` (${finding.unit})` : ''}
                      </Text>
                    )}
                    {finding.suggestion !== undefined && <Text className={styles.suggestion}>Suggestion: {finding.suggestion}</Text>}
                    {selected === key && <TableStructure table={tableAt(check.tables, finding.sheet, finding.cell)} />}
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {filtered.length > visible.length && (
            <Button onClick={() => setLimit(limit + FINDINGS_PAGE)}>Show {Math.min(FINDINGS_PAGE, filtered.length - visible.length)} more findings</Button>
          )}

          <div className={styles.actions}>
            <Button disabled={busy !== null} onClick={() => void write(['Findings'], checkScope !== undefined ? { sheet: checkScope } : {})}>
              Write findings sheet
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
