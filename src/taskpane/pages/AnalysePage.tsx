/**
 * Analyse: budget lines rolled up by one or two dimensions, with variance, share and RAG against the
 * thresholds chosen here (saved with the other settings), and "Write rollup".
 */
import { Button, Text, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { RagFields } from '../components/RagFields';
import { PlaceMessages } from '../components/StatusArea';
import { useWorkbench } from '../workbench';
import { DimensionPickers } from './analyse/DimensionPickers';
import { RollupResult } from './analyse/RollupResult';
import { useAnalyse } from './analyse/useAnalyse';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export function AnalysePage() {
  const styles = useStyles();
  const { host, workbook, busy, settings } = useWorkbench();
  const { draft, problems, rollup, setDraft, checkDraft, rollUp, writeRollup } = useAnalyse();
  const canRun = host.kind === 'excel' || workbook !== null;
  return (
    <section className={styles.page} aria-labelledby="analyse-heading">
      <Subtitle2 as="h2" id="analyse-heading">
        Analyse
      </Subtitle2>
      <DimensionPickers rollup={rollup} />
      <RagFields draft={draft} onChange={setDraft} onBlur={checkDraft} problems={problems} />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!canRun || busy !== null} onClick={() => void rollUp()}>
          Roll up
        </Button>
        <Button disabled={!canRun || busy !== null} onClick={() => void writeRollup()}>
          Write rollup
        </Button>
      </div>
      <PlaceMessages place="analyse" />
      {!canRun && <Text>Open a workbook (or try the sample) to analyse it.</Text>}
      {rollup && <RollupResult rollup={rollup} settings={settings} />}
    </section>
  );
}
