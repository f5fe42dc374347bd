/**
 * "Create a model from this workbook", on the Model page: the engine proposes a model from the
 * workbook's name columns, years and totals (model/propose.ts); the pane shows what it found and what
 * to edit, and offers it as a Model sheet (inserted in Excel, a downloaded copy outside) or as
 * model.json. How an organisation other than the default model's starts.
 */
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { saveModelJson } from '../../model/json';
import type { ModelProposal } from '../../model/propose';
import { PLACEHOLDER_ORGANISATION } from '../../model/propose-placeholder';
import type { CommissioningModel, NamedEntry } from '../../model/types';
import { plural } from '../format';
import { copyText } from '../host/download';
import { useWorkbench } from '../workbench';

const PROPOSAL_FILE_NAME = 'model.json';

/** Names of a list shown before the rest are counted. */
const NAMES_SHOWN = 6;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'end' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function ModelProposalSection() {
  const styles = useStyles();
  const headingId = useId();
  const resultHeadingId = useId();
  const { host, workbook, busy, ask, insertModelSheet, showNotice } = useWorkbench();
  const [organisation, setOrganisation] = useState('');
  /** The proposal, and the workbook it describes (as the host names it). */
  const [made, setMade] = useState<{ readonly proposal: ModelProposal; readonly label: string | null } | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const canRead = host.kind === 'excel' || workbook !== null;
  const inExcel = host.kind === 'excel';
  // A proposal describes the workbook it came from: once another is open, it is not offered for that one.
  const proposal = made && (workbook === null || made.label === workbook.label) ? made.proposal : null;
  // Take keyboard and screen-reader users to what was found, as a sighted user's eye goes to it.
  useEffect(() => {
    if (proposal) resultHeading.current?.focus();
  }, [proposal]);

  const create = async () => {
    const name = organisation.trim();
    const result = await ask('Creating a model from this workbook', 'proposeModel', name ? { organisation: name } : {});
    if (result) setMade({ proposal: result, label: host.workbookLabel() });
  };

  const download = () => {
    if (!proposal) return;
    host.download(PROPOSAL_FILE_NAME, saveModelJson(proposal.model), 'application/json');
    showNotice(
      host.canDownload()
        ? `Downloaded ${PROPOSAL_FILE_NAME}: edit it, then choose it with "Use a model file", or check with commissioning check --model ${PROPOSAL_FILE_NAME}.`
        : `Offered ${PROPOSAL_FILE_NAME} as a download, but Excel for Mac and iPad do not save downloads from the pane: use "Copy ${PROPOSAL_FILE_NAME} to clipboard", or insert it as the Model sheet.`,
    );
  };

  const copy = async () => {
    if (!proposal) return;
    try {
      await copyText(saveModelJson(proposal.model));
      showNotice(`Copied the proposed model as JSON to the clipboard: paste it into a text editor and save it as ${PROPOSAL_FILE_NAME}.`);
    } catch (caught) {
      showNotice(`Could not copy the proposed model to the clipboard (${caught instanceof Error ? caught.message : String(caught)}): insert it as the Model sheet instead.`);
    }
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.h3}>
        A model of your own
      </h3>
      <Text size={200}>
        Proposes a model from this workbook: its priority areas, funding streams and programmes from the columns that name them, its years, and its
        totals as headline figures. Nothing of the default model is used. Edit what it proposes, then keep it as the workbook's Model sheet.
      </Text>
      <div className={styles.actions}>
        <Field label="Organisation (optional)" hint="Its name as the model should state it; otherwise a placeholder you edit.">
          <Input value={organisation} onChange={(_, data) => setOrganisation(data.value)} />
        </Field>
        <Button disabled={!canRead || busy !== null} onClick={() => void create()}>
          Create a model from this workbook
        </Button>
      </div>

      {proposal && (
        <section className={styles.section} aria-labelledby={resultHeadingId}>
          <h4 id={resultHeadingId} ref={resultHeading} tabIndex={-1} className={styles.h4}>
            Proposed model
          </h4>
          <ProposalFacts model={proposal.model} />
          <h4 className={styles.h4}>Notes</h4>
          <ul className={styles.notes}>
            {proposal.notes.map((note) => (
              <li key={note}>
                <Text size={200}>{note}</Text>
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy !== null} onClick={() => void insertModelSheet(proposal.model)}>
              {inExcel ? 'Insert as Model sheet' : 'Insert as Model sheet (download)'}
            </Button>
            {host.canDownload() ? (
              <>
                <Button onClick={download}>Download {PROPOSAL_FILE_NAME}</Button>
                <Button onClick={() => void copy()}>Copy {PROPOSAL_FILE_NAME} to clipboard</Button>
              </>
            ) : (
              <>
                <Button onClick={() => void copy()}>Copy {PROPOSAL_FILE_NAME} to clipboard</Button>
                <Button onClick={download}>Download {PROPOSAL_FILE_NAME}</Button>
              </>
            )}
          </div>
        </section>
      )}
    </section>
  );
}

function ProposalFacts({ model }: { readonly model: CommissioningModel }) {
  const styles = useStyles();
  const placeholder = model.organisation.name === PLACEHOLDER_ORGANISATION.name;
  const areaFigures = model.priorityAreas.reduce((n, a) => n + a.figures.length, 0);
  const facts: [string, string][] = [
    ['Organisation', placeholder ? 'None given: a placeholder to edit' : model.organisation.name],
    ['Years', model.years.join(', ') || 'none found'],
    [`Priority areas (${model.priorityAreas.length})`, names(model.priorityAreas)],
    [`Funding streams (${model.fundingStreams.length})`, names(model.fundingStreams)],
    [`Programmes (${model.programmes.length})`, names(model.programmes)],
    [`Boroughs (${model.boroughs.length})`, shown(model.boroughs.map((b) => b.name))],
    [`Commissioning models (${model.commissioningModels.length})`, names(model.commissioningModels)],
    ['Figures', `${plural(model.totals.length, 'yearly total')}, ${plural(areaFigures, 'priority-area figure')}`],
  ];
  return (
    <dl className={styles.facts}>
      {facts.map(([term, detail]) => (
        <Fragment key={term}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function names(entries: readonly NamedEntry[]): string {
  return shown(entries.map((e) => `${e.name} (${e.code})`));
}

function shown(list: readonly string[]): string {
  if (list.length === 0) return 'none';
  const rest = list.length - NAMES_SHOWN;
  return `${list.slice(0, NAMES_SHOWN).join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`;
}

