/**
 * Acting on a finding beyond its "Go to" button: what going there did (in Excel, the cell selected; outside
 * Excel, the finding's row in place, as the check read it), and "Apply…" for a suggestion Excel can write,
 * previewed first and written only on the user's click.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Finding } from '../../../checks/finding';
import { Money } from '../../../money/decimal';
import { toPounds } from '../../../money/units';
import { describeContent } from '../../../workbook/office/cell-content';
import type { RowCell, RowInPlace } from '../../engine/row-in-place';
import { showMoney } from '../../format';
import type { PaneSettings } from '../../../app/settings';
import { useWorkbench } from '../../workbench';
import type { ApplyPreview } from '../../workbench-act';

const useStyles = makeStyles({
  actions: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  note: { fontSize: tokens.fontSizeBase200 },
  row: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXXS },
  cell: { textAlign: 'start', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  figure: { textAlign: 'end', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  marked: { fontWeight: tokens.fontWeightBold, borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}` },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  facts: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  pair: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
});

type Shown = Pick<PaneSettings, 'displayUnit' | 'displayDecimals'>;

function shownValue(cell: RowCell, settings: Shown): string {
  if (cell.pounds) return showMoney(cell.pounds, settings);
  return cell.text === '' ? '(blank)' : cell.text;
}

/** The finding's row as the check read it: each cell under its column's header, the finding's own cell marked in words and weight. */
function RowTable({ row, settings }: { readonly row: RowInPlace; readonly settings: Shown }) {
  const styles = useStyles();
  return (
    <table className={styles.row}>
      <caption className={styles.caption}>
        Row {row.row}
        {row.label ? `: ${row.label}` : ''} ({row.table})
      </caption>
      <thead>
        <tr>
          <th scope="col" className={styles.cell}>
            Column
          </th>
          <th scope="col" className={mergeClasses(styles.cell, styles.figure)}>
            As read
          </th>
        </tr>
      </thead>
      <tbody>
        {row.cells.map((cell) => (
          <tr key={cell.address} className={cell.isFinding ? styles.marked : undefined}>
            <th scope="row" className={styles.cell}>
              {cell.header} ({cell.address}){cell.isFinding ? ': this finding' : ''}
            </th>
            <td className={mergeClasses(styles.cell, styles.figure)}>
              {shownValue(cell, settings)}
              {cell.isFinding && cell.formula ? ` ${cell.formula}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What going to the finding did, said in its card. */
function GoneToNote({ finding }: { readonly finding: Finding }) {
  const styles = useStyles();
  const { goneTo, settings } = useWorkbench();
  if (!goneTo || goneTo.sheet !== finding.sheet || goneTo.cell !== finding.cell) return null;
  const { outcome } = goneTo;
  if (outcome.kind === 'row') {
    if (outcome.row) return <RowTable row={outcome.row} settings={settings} />;
    return <Text className={styles.note}>No table the check read holds {finding.cell}: open the workbook in Excel to see it.</Text>;
  }
  return (
    <Text className={styles.note} role="status">
      {outcome.message}
    </Text>
  );
}

/** What the cell will show once written: the figure the finding expects, in money where it is money. */
function willShow(preview: ApplyPreview, settings: Shown): string {
  const { finding, write } = preview;
  const figure = 'value' in write ? write.value : finding.expected;
  if (figure === undefined || !/^-?\d+(\.\d+)?$/.test(figure)) return 'value' in write ? write.value : 'what Excel calculates from the formula';
  if (finding.unit) return showMoney(toPounds(new Money(figure), finding.unit), settings);
  return new Money(figure).toDecimalPlaces(4).toString();
}

function PreviewFacts({ preview, settings }: { readonly preview: ApplyPreview; readonly settings: Shown }) {
  const styles = useStyles();
  const { finding, before, write } = preview;
  const facts: [string, string][] = [
    ['Cell', `${finding.sheet}!${finding.cell}`],
    ['Holds now', describeContent(before)],
    ['Will write', 'formula' in write ? write.formula : write.value],
    ['Will show', willShow(preview, settings)],
  ];
  return (
    <dl className={styles.facts}>
      {facts.map(([term, detail]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}

interface PreviewPanelProps {
  readonly preview: ApplyPreview;
  readonly writing: boolean;
  readonly panelRef: RefObject<HTMLDivElement>;
  readonly onApply: () => void;
  readonly onCancel: () => void;
}

function PreviewPanel({ preview, writing, panelRef, onApply, onCancel }: PreviewPanelProps) {
  const styles = useStyles();
  const { settings } = useWorkbench();
  const cell = preview.finding.cell;
  return (
    <div className={styles.preview} role="group" aria-label={`Apply to ${cell}: preview`} ref={panelRef} tabIndex={-1}>
      <Text className={styles.term}>Apply to {cell}: nothing is written until you choose Apply.</Text>
      <PreviewFacts preview={preview} settings={settings} />
      <div className={styles.buttons}>
        <Button size="small" disabled={writing} onClick={onApply}>
          Apply
        </Button>
        <Button size="small" disabled={writing} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

/** "Apply…": the preview, then "Apply" writes it or "Cancel" closes it; nothing is written without the click. */
function ApplyControls({ finding }: { readonly finding: Finding }) {
  const styles = useStyles();
  const workbench = useWorkbench().from('findings');
  const [preview, setPreview] = useState<ApplyPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [writing, setWriting] = useState(false);
  // Focus follows the preview: into it when it opens, back to "Apply…" when it closes.
  const [focusTo, setFocusTo] = useState<'preview' | 'opener' | null>(null);
  const openerRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusTo === 'preview') previewRef.current?.focus();
    if (focusTo === 'opener') openerRef.current?.querySelector('button')?.focus();
  }, [focusTo, preview]);
  const open = async (): Promise<void> => {
    setProblem(null);
    const read = await workbench.previewApply(finding);
    if (typeof read === 'string') setProblem(read);
    else {
      setPreview(read);
      setFocusTo('preview');
    }
  };
  const close = (): void => {
    setPreview(null);
    setFocusTo('opener');
  };
  const confirm = async (shown: ApplyPreview): Promise<void> => {
    setWriting(true);
    const outcome = await workbench.apply(shown);
    setWriting(false);
    if (typeof outcome === 'string') setProblem(outcome);
    close();
  };
  const applied = workbench.applied;
  const done = applied && applied.sheet === finding.sheet && applied.cell === finding.cell && applied.rule === finding.rule ? applied.message : null;
  return (
    <>
      {!preview && (
        <div className={styles.buttons} ref={openerRef}>
          <Button size="small" onClick={() => void open()}>
            Apply…
          </Button>
        </div>
      )}
      {preview && <PreviewPanel preview={preview} writing={writing} panelRef={previewRef} onApply={() => void confirm(preview)} onCancel={close} />}
      {problem && (
        <Text className={styles.note} role="alert">
          {problem}
        </Text>
      )}
      {done && (
        <Text className={styles.note} role="status">
          {done}
        </Text>
      )}
    </>
  );
}

export function FindingActions({ finding, selected }: { readonly finding: Finding; readonly selected: boolean }) {
  const styles = useStyles();
  const { host } = useWorkbench();
  if (!selected && !finding.apply) return null;
  return (
    <div className={styles.actions}>
      {selected && <GoneToNote finding={finding} />}
      {finding.apply && (host.kind === 'excel' ? <ApplyControls finding={finding} /> : <Text className={styles.note}>Apply works in Excel.</Text>)}
    </div>
  );
}
