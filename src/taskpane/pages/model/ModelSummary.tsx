/** The model in effect at a glance: the organisation and its lists, the priority areas' stated spend and the yearly totals. */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { CommissioningModel, YearFigure } from '../../../model/types';
import { Money } from '../../../money/decimal';
import { formatAmount } from '../../../money/format';

/** The year whose priority-area figures the panel tables state. */
const PRIORITY_AREA_YEAR = '2019/20';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  caption: { textAlign: 'start', paddingBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  amount: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

/** Pounds as £m to one decimal place, the panel tables' unit ("53600000" → "53.6"); the column header says £m. */
function inMillions(pounds: string): string {
  return formatAmount(new Money(pounds), { unit: '£m', decimals: 1, symbol: false });
}

function figureFor(figures: readonly YearFigure[], year: string): YearFigure | undefined {
  return figures.find((figure) => figure.year === year);
}

export function ModelSummary({ model }: { readonly model: CommissioningModel }) {
  const styles = useStyles();
  return (
    <>
      <dl className={styles.facts}>
        <dt className={styles.term}>Organisation</dt>
        <dd className={styles.detail}>
          {model.organisation.name} ({model.organisation.shortName})
        </dd>
        <dt className={styles.term}>Years</dt>
        <dd className={styles.detail}>{model.years.join(', ')}</dd>
        <dt className={styles.term}>Funding streams</dt>
        <dd className={styles.detail}>{model.fundingStreams.length}</dd>
        <dt className={styles.term}>Programmes</dt>
        <dd className={styles.detail}>{model.programmes.length}</dd>
        <dt className={styles.term}>Boroughs</dt>
        <dd className={styles.detail}>{model.boroughs.length}</dd>
      </dl>
      <MillionsTable
        caption={`Priority areas: stated spend ${PRIORITY_AREA_YEAR}, £m`}
        heading="Priority area"
        rows={model.priorityAreas.map((area) => {
          const figure = figureFor(area.figures, PRIORITY_AREA_YEAR);
          return { key: area.code, label: area.name, amount: figure ? inMillions(figure.amount) : 'not stated' };
        })}
      />
      <MillionsTable
        caption="Total commissioning spend by year, £m"
        heading="Year"
        rows={model.totals.map((total) => ({ key: total.year, label: total.year, amount: inMillions(total.amount) }))}
      />
    </>
  );
}

interface MillionsTableProps {
  readonly caption: string;
  /** The first column's header: what each row is. */
  readonly heading: string;
  readonly rows: readonly { readonly key: string; readonly label: string; readonly amount: string }[];
}

/** A two-column table of names and amounts in £m. */
function MillionsTable({ caption, heading, rows }: MillionsTableProps) {
  const styles = useStyles();
  return (
    <Table size="small">
      <caption className={styles.caption}>{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{heading}</TableHeaderCell>
          <TableHeaderCell scope="col" className={styles.amount}>
            £m
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell>{row.label}</TableCell>
            <TableCell className={styles.amount}>{row.amount}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
