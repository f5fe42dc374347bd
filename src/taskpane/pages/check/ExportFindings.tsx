/**
 * Getting the findings out of the pane: every finding as a CSV file, the ones shown as a second file when
 * filters narrow the list, and every finding as a table on the clipboard to paste into a sheet. Where a
 * download cannot arrive (Excel for Mac and iPad) the clipboard comes first. What happened is said here,
 * beside the buttons.
 */
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Finding } from '../../../checks/finding';
import { findingsCsv, findingsTsv } from '../../../reports/findings-table';
import { copyText } from '../../host/download';
import { plural } from '../../format';
import { useWorkbench } from '../../workbench';

const useStyles = makeStyles({
  export: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

/** "commissioning-2019-20 findings.csv" for a file; "findings.csv" for the workbook open in Excel. */
function findingsFileName(workbookLabel: string | null, shownOnly: boolean): string {
  const base = workbookLabel && /\.xls[xmb]?$/i.test(workbookLabel) ? `${workbookLabel.replace(/\.xls[xmb]?$/i, '')} findings` : 'findings';
  return `${base}${shownOnly ? ' (shown)' : ''}.csv`;
}

interface ExportFindingsProps {
  /** Every finding of the check, in the order shown. */
  readonly all: readonly Finding[];
  /** The findings the filters let through, when they narrow the list. */
  readonly shown: readonly Finding[] | null;
  /** Other buttons that belong in the same row ("Write findings sheet"). */
  readonly children?: ReactNode;
}

export function ExportFindings({ all, shown, children }: ExportFindingsProps) {
  const styles = useStyles();
  const { host } = useWorkbench();
  const [outcome, setOutcome] = useState<{ readonly text: string; readonly failed: boolean } | null>(null);
  const canDownload = host.canDownload();

  const download = (findings: readonly Finding[], shownOnly: boolean) => {
    const fileName = findingsFileName(host.workbookLabel(), shownOnly);
    host.download(fileName, findingsCsv(findings), 'text/csv;charset=utf-8');
    setOutcome({
      text: canDownload
        ? `Downloaded ${fileName}: ${plural(findings.length, 'finding')}, one per row.`
        : `Offered ${fileName} as a download, but Excel for Mac and iPad do not save downloads from the pane: use “Copy as table” and paste it into a sheet.`,
      failed: false,
    });
  };
  const copy = async () => {
    try {
      await copyText(findingsTsv(all));
      setOutcome({ text: `Copied ${plural(all.length, 'finding')} as a table with a header row: paste it into a sheet.`, failed: false });
    } catch (caught) {
      const why = caught instanceof Error ? caught.message : String(caught);
      setOutcome({ text: `The clipboard was refused (${why}). Allow this pane to use the clipboard, or use “Export findings (CSV)”.`, failed: true });
    }
  };

  const exportAll = (
    <Button key="all" onClick={() => download(all, false)}>
      Export findings (CSV)
    </Button>
  );
  const copyAll = (
    <Button key="copy" onClick={() => void copy()}>
      Copy as table
    </Button>
  );
  return (
    <div className={styles.export}>
      <div className={styles.buttons}>
        {canDownload ? [exportAll, copyAll] : [copyAll, exportAll]}
        {shown && <Button onClick={() => download(shown, true)}>Export the {plural(shown.length, 'finding')} shown (CSV)</Button>}
        {children}
      </div>
      {/* Always in the page, so a screen reader hears each new outcome. */}
      <Text aria-live="polite" className={outcome?.failed ? styles.failed : undefined}>
        {outcome?.text ?? ''}
      </Text>
    </div>
  );
}
