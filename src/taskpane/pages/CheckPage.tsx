/**
 * Check: runs every rule on the workbook (or one sheet) and lists what a reviewer should look at,
 * grouped by sheet, filterable by severity and rule; each finding goes to its cell.
 */
import { Button, Text, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckView } from '../engine/protocol';
import { plural } from '../format';
import { useWorkbench } from '../workbench';
import { CheckRunBar } from './check/CheckRunBar';
import { FindingFilters } from './check/FindingFilters';
import { FindingList } from './check/FindingList';
import { SummaryBar } from './check/SummaryBar';
import { FINDINGS_PAGE, useFindingView, type FindingView } from './check/useFindingView';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export function CheckPage() {
  const styles = useStyles();
  const { host, workbook, check } = useWorkbench();
  // The filters live with the page, so they outlast a check that is run again.
  const view = useFindingView(check);
  const canCheck = host.kind === 'excel' || workbook !== null;
  return (
    <section className={styles.page} aria-labelledby="check-heading">
      <Subtitle2 as="h2" id="check-heading">
        Check
      </Subtitle2>
      <CheckRunBar canCheck={canCheck} />
      {!canCheck && <Text>Open a workbook (or try the sample) to check it.</Text>}
      {check && <CheckResults check={check} view={view} />}
    </section>
  );
}

function CheckResults({ check, view }: { readonly check: CheckView; readonly view: FindingView }) {
  const styles = useStyles();
  const workbench = useWorkbench();
  const { filtered } = view;
  const { checkScope } = workbench;
  return (
    <>
      <SummaryBar check={check} checkScope={checkScope} modelInUse={workbench.modelInUse} />
      <FindingFilters check={check} view={view} />
      <Text aria-live="polite">
        {filtered.length === check.findings.length
          ? `${plural(filtered.length, 'finding')}`
          : `${plural(filtered.length, 'finding')} of ${check.findings.length} shown by the filters`}
      </Text>
      <FindingList tables={check.tables} view={view} />
      {view.undrawn > 0 && <Button onClick={view.showMore}>Show {Math.min(FINDINGS_PAGE, view.undrawn)} more findings</Button>}
      <div className={styles.actions}>
        <Button disabled={workbench.busy !== null} onClick={() => void workbench.write(['Findings'], checkScope !== undefined ? { sheet: checkScope } : {})}>
          Write findings sheet
        </Button>
      </div>
    </>
  );
}
