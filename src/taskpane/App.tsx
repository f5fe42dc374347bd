import { FluentProvider, Text, Title2, makeStyles, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { defaultModel } from '../model/json';
import { ModelPage } from './ModelPage';

export interface AppProps {
  /** The Office host ("Excel"), or null when the pane runs outside Office. */
  readonly host: string | null;
  readonly dark: boolean;
}

const DEFAULT_MODEL_ORIGIN = 'Default model, from the MOPAC audit-panel reports of January 2020 and October 2021';

const useStyles = makeStyles({
  pane: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  header: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
  },
});

export function App({ host, dark }: AppProps) {
  const styles = useStyles();
  // Only the default model exists so far; the workbook's Model sheet and a chosen JSON file come later.
  const model = defaultModel();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.pane}>
      <header className={styles.header}>
        <Title2 as="h1">Commissioning Workbench</Title2>
        <Text size={200}>{host ? `Connected to ${host}` : 'Not running inside Excel'}</Text>
      </header>
      <main>
        <ModelPage model={model} origin={DEFAULT_MODEL_ORIGIN} />
      </main>
    </FluentProvider>
  );
}
