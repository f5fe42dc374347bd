import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CommissioningModel, YearFigure } from '../model/types';
import { Money } from '../money/decimal';
import { formatAmount } from '../money/format';

export interface ModelPageProps {
  readonly model: CommissioningModel;
  /** Where the model came from, in words. */
  readonly origin: string;
}

/** The year whose priority-area figures the panel tables state. */
const PRIORITY_AREA_YEAR = '2019/20';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
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

export function ModelPage({ model, origin }: ModelPageProps) {
  const styles = useStyles();
  return (
    <section className={styles.page} aria-labelledby="model-heading">
      <Title3 as="h2" id="model-heading">
        Model
      </Title3>
      <Text>{origin}</Text>

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

      <Table size="small">
        <caption className={styles.caption}>Priority areas: stated spend {PRIORITY_AREA_YEAR}, £m</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Priority area</TableHeaderCell>
            <TableHeaderCell scope="col" className={styles.amount}>
              £m
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {model.priorityAreas.map((area) => {
            const figure = figureFor(area.figures, PRIORITY_AREA_YEAR);
            return (
              <TableRow key={area.code}>
                <TableCell>{area.name}</TableCell>
                <TableCell className={styles.amount}>{figure ? inMillions(figure.amount) : 'not stated'}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>

      <Table size="small">
        <caption className={styles.caption}>Total commissioning spend by year, £m</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Year</TableHeaderCell>
            <TableHeaderCell scope="col" className={styles.amount}>
              £m
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {model.totals.map((total) => (
            <TableRow key={total.year}>
              <TableCell>{total.year}</TableCell>
              <TableCell className={styles.amount}>{inMillions(total.amount)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
