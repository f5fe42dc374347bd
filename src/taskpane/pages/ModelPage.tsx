/**
 * Model: which model is in effect and where it came from, a model file to use instead, the Model
 * sheet and budget template to insert, a model proposed from the workbook, and the model at a glance.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { ModelProposalSection } from '../components/ModelProposal';
import { PlaceMessages } from '../components/StatusArea';
import { useWorkbench } from '../workbench';
import { ModelFileChooser } from './model/ModelFileChooser';
import { ModelSummary } from './model/ModelSummary';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export function ModelPage() {
  const styles = useStyles();
  const { modelInUse, modelOriginText, modelSheetProblem } = useWorkbench();
  const withModel = modelInUse.origin.kind !== 'none';
  return (
    <section className={styles.page} aria-labelledby="model-heading">
      <Subtitle2 as="h2" id="model-heading" tabIndex={-1}>
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
      <ModelFileChooser />
      {/* Without a model there is nothing to insert: the way to one is to create it from the workbook. */}
      {withModel && <InsertActions />}
      <PlaceMessages place="model" />
      <ModelProposalSection />
      {withModel && <ModelSummary model={modelInUse.model} />}
    </section>
  );
}

/** "Insert Model sheet" and "Insert budget template" (outside Excel, each as a downloaded copy of the workbook). */
function InsertActions() {
  const styles = useStyles();
  const workbench = useWorkbench().from('model');
  const { host, workbook, busy } = workbench;
  const canWrite = host.kind === 'excel' || workbook !== null;
  const inExcel = host.kind === 'excel';
  return (
    <>
      <div className={styles.actions}>
        <Button disabled={!canWrite || busy !== null} onClick={() => void workbench.insertModelSheet()}>
          {inExcel ? 'Insert Model sheet' : 'Insert Model sheet (download)'}
        </Button>
        <Button disabled={!canWrite || busy !== null} onClick={() => void workbench.insertBudgetTemplate()}>
          {inExcel ? 'Insert budget template' : 'Insert budget template (download)'}
        </Button>
      </div>
      <Text size={200}>
        The Model sheet holds this model as tables you can edit; the workbook's Model sheet is then the model in effect. The budget template is an empty sheet
        of budget lines whose name columns offer the model's lists as drop-downs.
      </Text>
    </>
  );
}
