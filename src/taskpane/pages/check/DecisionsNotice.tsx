/**
 * What the Check page says about decisions as a whole, beside the results: outside Excel, that decisions
 * are not in the file until it is downloaded (with the button that does it); decisions that no longer
 * match a finding (each removable); and anything in the workbook's decisions sheet that could not be read.
 */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Decision } from '../../../checks/decisions';
import type { CheckView } from '../../engine/protocol';
import { useWorkbench } from '../../workbench';
import { decisionSentence } from './DecisionControls';

const useStyles = makeStyles({
  notice: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  item: { overflowWrap: 'anywhere' },
});

function UnmatchedDecisions({ unmatched }: { readonly unmatched: readonly Decision[] }) {
  const styles = useStyles();
  const workbench = useWorkbench().from('findings');
  const n = unmatched.length;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{n === 1 ? '1 decision no longer matches a finding' : `${n} decisions no longer match a finding`}</MessageBarTitle>A figure changed or
        the finding went away, so the decision is not applied.
        <ul className={styles.list}>
          {unmatched.map((d) => (
            <li key={`${d.rule}|${d.sheet}|${d.cell}`} className={styles.item}>
              {d.sheet}!{d.cell} ({d.rule}): {decisionSentence(d)}{' '}
              <Button
                size="small"
                appearance="transparent"
                disabled={workbench.busy !== null}
                onClick={() => void workbench.decide(d, null)}
                aria-label={`Remove decision (${d.cell} on ${d.sheet}, ${d.rule})`}
              >
                Remove decision
              </Button>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

export function DecisionsNotice({ check }: { readonly check: CheckView }) {
  const styles = useStyles();
  const workbench = useWorkbench().from('findings');
  const decisions = check.decisions;
  if (!decisions) return null;
  const fileName = workbench.host.workbookLabel() ?? 'the file';
  const unsaved = workbench.host.kind === 'file' && decisions.unsaved;
  if (decisions.problems.length === 0 && decisions.unmatched.length === 0 && !unsaved) return null;
  return (
    <div className={styles.notice}>
      {decisions.problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Some saved decisions could not be read</MessageBarTitle>
            <ul className={styles.list}>
              {decisions.problems.map((problem) => (
                <li key={problem} className={styles.item}>
                  {problem}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {decisions.unmatched.length > 0 && <UnmatchedDecisions unmatched={decisions.unmatched} />}
      {unsaved && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <Text>
              Your decisions are kept in this pane only: they are not in {fileName} until you download the workbook with decisions (a copy; your file is not
              changed).
            </Text>{' '}
            <Button size="small" disabled={workbench.busy !== null} onClick={() => void workbench.downloadWithDecisions()}>
              Download workbook with decisions
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
