/**
 * How the table behind a finding was read: its range, unit, columns and what each total adds up, so a
 * reviewer can see why a figure was compared with the lines it was.
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { parseA1, parseRange } from '../../sheet/a1';
import type { TableSummary } from '../engine/protocol';

const useStyles = makeStyles({
  structure: { marginTop: tokens.spacingVerticalXS },
  lines: { margin: 0, whiteSpace: 'pre-wrap', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/** The table on `sheet` whose range holds `cell`. */
export function tableAt(tables: readonly TableSummary[], sheet: string, cell: string): TableSummary | undefined {
  const at = parseA1(cell);
  if (!at) return undefined;
  return tables.find((t) => {
    const range = t.sheet === sheet ? parseRange(t.range) : undefined;
    return range !== undefined && at.row >= range.start.row && at.row <= range.end.row && at.col >= range.start.col && at.col <= range.end.col;
  });
}

export function TableStructure({ table }: { readonly table: TableSummary | undefined }): React.ReactElement | null {
  const styles = useStyles();
  if (!table?.structure) return null;
  return (
    <details className={styles.structure}>
      <summary>How this table was read</summary>
      <pre className={styles.lines}>{table.structure.join('\n')}</pre>
    </details>
  );
}
