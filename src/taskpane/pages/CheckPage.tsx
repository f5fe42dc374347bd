/**
 * Check: runs every rule on the workbook (or one sheet) and lists what a reviewer should look at, errors
 * first under a summary that stays in view and whose counts filter the list; grouped, filtered by rule or
 * searched; exported or copied as a table; each finding goes to its cell.
 */
import { Button, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { CheckView } from '../engine/protocol';
import { useWorkbench } from '../workbench';
import { CheckCoverage } from './check/CheckCoverage';
import { CheckRunBar } from './check/CheckRunBar';
import { DecisionsNotice } from './check/DecisionsNotice';
import { ExportFindings } from './check/ExportFindings';
import { FindingFilters, shownText } from './check/FindingFilters';
import { FindingList } from './check/FindingList';
import { SummaryBar } from './check/SummaryBar';
import { useFindingView, type FindingView } from './check/useFindingView';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
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
      <div data-starts-check="">
        <CheckRunBar canCheck={canCheck} />
      </div>
      {!canCheck && <Text>Open a workbook (or try the sample) to check it.</Text>}
      {check && <CheckResults check={check} view={view} />}
    </section>
  );
}

/** The height of an element as laid out (0 where there is no layout), followed as it changes. */
function useHeight(ref: RefObject<HTMLElement>): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setHeight(element.offsetHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}

/** Marks the controls that start a check ("Check workbook", "Check again" in the summary). */
const STARTS_CHECK = 'data-starts-check';

/**
 * After a check the user started, keyboard and screen-reader users are taken to the results, as a sighted
 * user's eye goes to them: the summary's heading, whose name says the counts. Not after a decision made on
 * a card (which also gives a new check view), and not while the Check page is hidden. Where the user last
 * clicked or moved focus says which: a button disabled while the check runs leaves focus on the page body.
 */
function useFocusOnEachCheck(check: CheckView, headingRef: RefObject<HTMLElement>): void {
  const startedHere = useRef(true);
  useEffect(() => {
    const note = (event: Event) => {
      startedHere.current = event.target instanceof Element && event.target.closest(`[${STARTS_CHECK}]`) !== null;
    };
    document.addEventListener('focusin', note);
    document.addEventListener('click', note, true);
    return () => {
      document.removeEventListener('focusin', note);
      document.removeEventListener('click', note, true);
    };
  }, []);
  useEffect(() => {
    const heading = headingRef.current;
    if (startedHere.current && heading && !heading.closest('[hidden]')) heading.focus();
  }, [check, headingRef]);
}

function CheckResults({ check, view }: { readonly check: CheckView; readonly view: FindingView }) {
  const workbench = useWorkbench().from('findings');
  const { checkScope } = workbench;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const barHeight = useHeight(barRef);
  useFocusOnEachCheck(check, headingRef);
  const writeSheet = (
    <Button disabled={workbench.busy !== null} onClick={() => void workbench.write(['Findings'], checkScope !== undefined ? { sheet: checkScope } : {})}>
      Write findings sheet
    </Button>
  );
  return (
    <>
      <CheckCoverage check={check} checkScope={checkScope} modelInUse={workbench.modelInUse} />
      <DecisionsNotice check={check} />
      <SummaryBar
        counts={view.counts}
        pressed={view.categories}
        onToggle={view.toggleCategory}
        checkedAnything={check.tables.length > 0}
        headingRef={headingRef}
        barRef={barRef}
      />
      {view.ordered.length === 0 ? (
        <>
          <Text>{shownText(0, 0, false)}</Text>
          {check.tables.length > 0 && <div>{writeSheet}</div>}
        </>
      ) : (
        <>
          <FindingFilters rules={check.rules} view={view} />
          <ExportFindings all={view.ordered.map((item) => item.finding)} shown={view.filtering ? view.filtered.map((item) => item.finding) : null}>
            {writeSheet}
          </ExportFindings>
          <FindingList tables={check.tables} view={view} coveredTop={barHeight} />
        </>
      )}
    </>
  );
}
