import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
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
import { useId, type ChangeEvent } from 'react';
import type { YearFigure } from '../../model/types';
import { Money } from '../../money/decimal';
import { formatAmount } from '../../money/format';
import { readFileText } from '../read-file';
import { ModelProposalSection } from '../components/ModelProposal';
import { useWorkbench } from '../workbench';

/** The year whose priority-area figures the panel tables state. */
const PRIORITY_AREA_YEAR = '2019/20';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  caption: {
    textAlign: 'start',
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  amount: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  h3: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  fileInput: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    opacity: 0,
    overflow: 'hidden',
  },
  fileLabel: {
    display: 'inline-flex',
    alignItems: 'center',
    minHeight: '32px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-within': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '1px',
    },
  },
});

/** Pounds as £m to one decimal place, the panel tables' unit ("53600000" → "53.6"); the column header says £m. */
function inMillions(pounds: string): string {
  return formatAmount(new Money(pounds), {
    unit: '£m',
    decimals: 1,
    symbol: false,
  });
}

function figureFor(figures: readonly YearFigure[], year: string): YearFigure | undefined {
  return figures.find((figure) => figure.year === year);
}

export function ModelPage() {
  const styles = useStyles();
  const fileInputId = useId();
  const { host, workbook, busy, modelInUse, modelOriginText, modelSheetProblem, chooseModelFile, forgetModelFile, insertModelSheet, insertBudgetTemplate } =
    useWorkbench();
  const model = modelInUse.model;
  const canWrite = host.kind === 'excel' || workbook !== null;
  const inExcel = host.kind === 'excel';

  const onModelFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) chooseModelFile(file.name, await readFileText(file));
  };

  return (
    <section className={styles.page} aria-labelledby="model-heading">
      <Subtitle2 as="h2" id="model-heading">
        Model
      </Subtitle2>
      <div>
        <Text weight="semibold">In effect: </Text>
        <Text>{modelOriginText}</Text>
      </div>
      {modelSheetProblem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The workbook's Model sheet is not used</MessageBarTitle>
            {modelSheetProblem}. Fix the sheet and check again; until then the {modelInUse.origin.kind === 'json' ? 'model file' : 'default model'} applies.
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <label htmlFor={fileInputId} className={styles.fileLabel}>
          Use a model file
          <input id={fileInputId} className={styles.fileInput} type="file" accept=".json,application/json" onChange={onModelFile} />
        </label>
        {modelInUse.origin.kind === 'json' && <Button onClick={forgetModelFile}>Stop using {modelInUse.origin.path}</Button>}
      </div>
      {/* Without a model there is nothing to insert: the way to one is to create it from the workbook. */}
      {modelInUse.origin.kind !== 'none' && (
        <>
          <div className={styles.actions}>
            <Button disabled={!canWrite || busy !== null} onClick={() => void insertModelSheet()}>
              {inExcel ? 'Insert Model sheet' : 'Insert Model sheet (download)'}
            </Button>
            <Button disabled={!canWrite || busy !== null} onClick={() => void insertBudgetTemplate()}>
              {inExcel ? 'Insert budget template' : 'Insert budget template (download)'}
            </Button>
          </div>
          <Text size={200}>
            The Model sheet holds this model as tables you can edit; the workbook's Model sheet is then the model in effect. The budget template is an empty
            sheet of budget lines whose name columns offer the model's lists as drop-downs.
          </Text>
        </>
      )}

      <ModelProposalSection />

      {modelInUse.origin.kind !== 'none' && (
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
        </>
      )}
    </section>
  );
}
