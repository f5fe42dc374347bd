/** "Use a model file" (a file input styled as a button) and, while one is in use, "Stop using" it. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { FileButton } from '../../components/FileButton';
import { readFileText } from '../../read-file';
import { useWorkbench } from '../../workbench';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export function ModelFileChooser() {
  const styles = useStyles();
  const workbench = useWorkbench().from('model');
  const { origin } = workbench.modelInUse;

  const onModelFile = async (file: File) => {
    workbench.chooseModelFile(file.name, await readFileText(file));
  };

  return (
    <div className={styles.actions}>
      <FileButton label="Use a model file" accept=".json,application/json" onFile={(file) => void onModelFile(file)} />
      {origin.kind === 'json' && <Button onClick={() => workbench.forgetModelFile()}>Stop using {origin.path}</Button>}
    </div>
  );
}
