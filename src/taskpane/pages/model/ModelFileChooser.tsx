/** "Use a model file" (a file input styled as a button) and, while one is in use, "Stop using" it. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ChangeEvent } from 'react';
import { readFileText } from '../../read-file';
import { useWorkbench } from '../../workbench';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  fileInput: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden' },
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
    ':focus-within': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
});

export function ModelFileChooser() {
  const styles = useStyles();
  const fileInputId = useId();
  const workbench = useWorkbench();
  const { origin } = workbench.modelInUse;

  const onModelFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) workbench.chooseModelFile(file.name, await readFileText(file));
  };

  return (
    <div className={styles.actions}>
      <label htmlFor={fileInputId} className={styles.fileLabel}>
        Use a model file
        <input id={fileInputId} className={styles.fileInput} type="file" accept=".json,application/json" onChange={(event) => void onModelFile(event)} />
      </label>
      {origin.kind === 'json' && <Button onClick={() => workbench.forgetModelFile()}>Stop using {origin.path}</Button>}
    </div>
  );
}
