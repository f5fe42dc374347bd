import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { StatusArea } from './components/StatusArea';
import { WorkbookBar } from './components/WorkbookBar';
import type { Engine } from './engine/client';
import type { PaneHost } from './host/types';
import { AnalysePage } from './pages/AnalysePage';
import { CheckPage } from './pages/CheckPage';
import { ModelPage } from './pages/ModelPage';
import { PanelReportPage } from './pages/PanelReportPage';
import { RegisterPage } from './pages/RegisterPage';
import { SettingsPage } from './pages/SettingsPage';
import { WorkbenchProvider } from './workbench';

interface AppProps {
  readonly host: PaneHost;
  readonly engine: Engine;
  readonly dark: boolean;
  /**
   * Set when Office became ready after the pane started on a file that the user has opened: the pane
   * offers to switch to the workbook in Excel (which starts afresh) or to keep working on the file.
   */
  readonly excelReady?: { readonly onSwitch: () => void; readonly onDismiss: () => void } | null;
}

/** The pane's heading, where focus goes when the pane starts afresh on another host. */
export const PANE_HEADING_ID = 'pane-heading';

const PAGES = ['check', 'analyse', 'register', 'panel', 'model', 'settings'] as const;
type PageId = (typeof PAGES)[number];

const PAGE_TITLES: Readonly<Record<PageId, string>> = {
  check: 'Check',
  analyse: 'Analyse',
  register: 'Register',
  panel: 'Panel report',
  model: 'Model',
  settings: 'Settings',
};

const PAGE_CONTENT: Readonly<Record<PageId, () => ReactNode>> = {
  check: () => <CheckPage />,
  analyse: () => <AnalysePage />,
  register: () => <RegisterPage />,
  panel: () => <PanelReportPage />,
  model: () => <ModelPage />,
  settings: () => <SettingsPage />,
};

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
    rowGap: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
  },
  tabs: { flexWrap: 'wrap' },
});

export function App({ host, engine, dark, excelReady = null }: AppProps) {
  const styles = useStyles();
  const [page, setPage] = useState<PageId>('check');
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.pane}>
      <WorkbenchProvider host={host} engine={engine}>
        <header className={styles.header}>
          {/* Focusable from script: after "Switch to Excel" the button is gone, and focus comes here. */}
          <Title3 as="h1" id={PANE_HEADING_ID} tabIndex={-1}>
            Commissioning Workbench
          </Title3>
          <Text size={200}>{host.kind === 'excel' ? 'Connected to Excel' : 'Not running inside Excel: working on a file'}</Text>
          <WorkbookBar />
        </header>
        {excelReady && (
          <MessageBar intent="info" layout="multiline" aria-live="polite">
            <MessageBarBody>
              <MessageBarTitle>Excel is ready</MessageBarTitle>
              Excel started after the pane, so the pane is working on {host.workbookLabel() ?? 'a file'}. Switch to the workbook open in Excel to read and write
              it directly; what you did with the file here is not kept.
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" appearance="primary" onClick={excelReady.onSwitch}>
                Switch to Excel
              </Button>
              <Button size="small" onClick={excelReady.onDismiss}>
                Keep working on the file
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        <StatusArea />
        <nav aria-label="Pages">
          <TabList className={styles.tabs} size="small" selectedValue={page} onTabSelect={(_, data) => setPage(data.value as PageId)}>
            {PAGES.map((id) => (
              <Tab key={id} id={`tab-${id}`} value={id} aria-controls={`page-${id}`}>
                {PAGE_TITLES[id]}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main>
          {/* Every page stays mounted, so a rollup or a register built earlier is still there on return. */}
          {PAGES.map((id) => (
            <div key={id} id={`page-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={page !== id}>
              {PAGE_CONTENT[id]()}
            </div>
          ))}
        </main>
      </WorkbenchProvider>
    </FluentProvider>
  );
}
