/**
 * "Create a model from this workbook", on the Model page: the engine proposes a model from the
 * workbook's name columns, years and totals (model/propose.ts); the pane shows what it found and what
 * to edit, and offers it as a Model sheet (inserted in Excel, a downloaded copy outside) or as
 * model.json. How an organisation other than the default model's starts.
 */
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { ModelProposal } from '../../model/propose';
import { useWorkbench } from '../workbench';
import { PlaceMessages } from './StatusArea';
import { ProposalFacts } from './ProposalFacts';
import { PROPOSAL_FILE_NAME, useModelProposal, type ModelProposalState } from './useModelProposal';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: 'end' },
  notes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function ModelProposalSection() {
  const styles = useStyles();
  const headingId = useId();
  const { host, workbook, busy } = useWorkbench();
  const state = useModelProposal();
  const canRead = host.kind === 'excel' || workbook !== null;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.h3}>
        A model of your own
      </h3>
      <Text size={200}>
        Proposes a model from this workbook: its priority areas, funding streams and programmes from the columns that name them, its years, and its totals as
        headline figures. Nothing of the default model is used. Edit what it proposes, then keep it as the workbook's Model sheet.
      </Text>
      <div className={styles.actions}>
        <Field label="Organisation (optional)" hint="Its name as the model should state it; otherwise a placeholder you edit.">
          <Input value={state.organisation} onChange={(_, data) => state.setOrganisation(data.value)} />
        </Field>
        <Button disabled={!canRead || busy !== null} onClick={() => void state.create()}>
          Create a model from this workbook
        </Button>
      </div>
      {state.proposal && <ProposedModel proposal={state.proposal} state={state} />}
      <PlaceMessages place="proposal" />
    </section>
  );
}

/** What was proposed, the notes on what to edit, and the ways to keep it. */
function ProposedModel({ proposal, state }: { readonly proposal: ModelProposal; readonly state: ModelProposalState }) {
  const styles = useStyles();
  const resultHeadingId = useId();
  return (
    <section className={styles.section} aria-labelledby={resultHeadingId}>
      <h4 id={resultHeadingId} ref={state.resultHeading} tabIndex={-1} className={styles.h4}>
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
      <KeepActions proposal={proposal} state={state} />
    </section>
  );
}

/** "Insert as Model sheet", then download and copy, the route that works on this host first. */
function KeepActions({ proposal, state }: { readonly proposal: ModelProposal; readonly state: ModelProposalState }) {
  const styles = useStyles();
  const workbench = useWorkbench().from('proposal');
  const { host } = workbench;
  const download = <Button onClick={state.download}>Download {PROPOSAL_FILE_NAME}</Button>;
  const copy = <Button onClick={() => void state.copy()}>Copy {PROPOSAL_FILE_NAME} to clipboard</Button>;
  return (
    <div className={styles.actions}>
      <Button appearance="primary" disabled={workbench.busy !== null} onClick={() => void workbench.insertModelSheet(proposal.model)}>
        {host.kind === 'excel' ? 'Insert as Model sheet' : 'Insert as Model sheet (download)'}
      </Button>
      {host.canDownload() ? (
        <>
          {download}
          {copy}
        </>
      ) : (
        <>
          {copy}
          {download}
        </>
      )}
    </div>
  );
}
