/** What the check covered: tables read on how many sheets, whether a model applied, and (none found) why nothing was checked. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckView } from '../../engine/protocol';
import { plural } from '../../format';
import type { ModelInUse } from '../../workbench';

const useStyles = makeStyles({
  coverage: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  nothing: { fontWeight: tokens.fontWeightSemibold },
});

interface CheckCoverageProps {
  readonly check: CheckView;
  /** The sheet checked, when only one was. */
  readonly checkScope: string | undefined;
  readonly modelInUse: ModelInUse;
}

function sheetsChecked(check: CheckView, checkScope: string | undefined): string {
  return checkScope ? `on “${checkScope}”` : `on ${plural(check.sheets.length, 'sheet')}`;
}

export function CheckCoverage({ check, checkScope, modelInUse }: CheckCoverageProps) {
  const styles = useStyles();
  const noModel = modelInUse.origin.kind === 'none';
  return (
    <div className={styles.coverage}>
      {check.tables.length === 0 ? (
        <>
          <Text className={styles.nothing}>Nothing was found to check</Text>
          <Text>
            No table of figures was recognised {sheetsChecked(check, checkScope)}. A table needs a header row (such as “Project”, “Budget £”) above rows of
            figures; sheets of notes or text alone are not checked.
          </Text>
        </>
      ) : (
        <Text>
          {plural(check.tables.length, 'table')} checked {sheetsChecked(check, checkScope)}
          {noModel ? ' without a model.' : '.'}
        </Text>
      )}
      {noModel && check.tables.length > 0 && (
        <Text size={200}>
          No model applies: {modelInUse.origin.reason}. Checked for structure, arithmetic, notation and registers; More › Model can create a model from this
          workbook.
        </Text>
      )}
      {check.coverage?.map((line) => (
        <Text key={line} size={200}>
          {line}
        </Text>
      ))}
    </div>
  );
}
