import {
  Button,
  FluentProvider,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { PlaceMessages, WorkStatus } from './components/StatusArea';
import { OpenWorkbook, WorkbookStatus, WriteReport } from './components/WorkbookBar';
import type { Engine } from './engine/client';
import type { PaneHost } from './host/types';
import { MENU_PAGES, NavigationProvider, SECTIONS, useNavigation, type PageId, type SectionId } from './navigation';
import { AnalysePage } from './pages/AnalysePage';
import { CheckPage } from './pages/CheckPage';
import { ModelPage } from './pages/ModelPage';
import { PublishPage } from './pages/PublishPage';
import { RuleHelpPage } from './pages/RuleHelpPage';
import { SettingsPage } from './pages/SettingsPage';
import { useWorkbench, WorkbenchProvider } from './workbench';

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

type ExcelReady = NonNullable<AppProps['excelReady']>;

/** The pane's heading, where focus goes when the pane starts afresh on another host. */
export const PANE_HEADING_ID = 'pane-heading';

const PAGE_TITLES: Readonly<Record<PageId, string>> = {
  check: 'Check',
  analyse: 'Analyse',
  publish: 'Publish',
  model: 'Model',
  settings: 'Settings',
  rules: 'Rule help',
};

const PAGE_CONTENT: Readonly<Record<PageId, () => ReactNode>> = {
  check: () => (
    <>
      <FirstRunLine />
      <CheckPage />
    </>
  ),
  analyse: () => <AnalysePage />,
  publish: () => <PublishPage />,
  model: () => <ModelPage />,
  settings: () => <SettingsPage />,
  rules: () => <RuleHelpPage />,
};

const PAGES: readonly PageId[] = [...SECTIONS, ...MENU_PAGES];

const isSection = (page: PageId): page is SectionId => (SECTIONS as readonly PageId[]).includes(page);

const useStyles = makeStyles({
  pane: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
  },
  // Compact, as Office's task-pane guidance asks: the product's name small, the host and workbook in two short lines.
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  titleRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  title: { margin: 0 },
  nav: {
    display: 'flex',
    alignItems: 'stretch',
    columnGap: tokens.spacingHorizontalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tabs: { flexGrow: 1, minWidth: 0 },
  // As tall as the tabs and level with them: one row of four.
  more: { alignSelf: 'stretch' },
  main: { flexGrow: 1, paddingBottom: tokens.spacingVerticalM },
  firstRun: { display: 'block', marginBottom: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
});

export function App({ host, engine, dark, excelReady = null }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={styles.pane}>
      <WorkbenchProvider host={host} engine={engine}>
        <NavigationProvider>
          <PaneLayout excelReady={excelReady} />
        </NavigationProvider>
      </WorkbenchProvider>
    </FluentProvider>
  );
}

function PaneLayout({ excelReady }: { readonly excelReady: ExcelReady | null }) {
  const styles = useStyles();
  const { host } = useWorkbench();
  const { page } = useNavigation();
  return (
    <>
      <header className={styles.header}>
        <div className={styles.titleRow}>
          {/* Focusable from script: after "Switch to Excel" the button is gone, and focus comes here. */}
          <Text as="h1" size={200} weight="semibold" className={styles.title} id={PANE_HEADING_ID} tabIndex={-1}>
            Commissioning Workbench
          </Text>
          <WriteReport />
        </div>
        <WorkbookStatus />
        {host.kind === 'file' && <OpenWorkbook />}
      </header>
      <PlaceMessages place="workbook" />
      {excelReady && <ExcelReadyBar excelReady={excelReady} />}
      <PaneNav />
      <PlaceMessages place={null} />
      <main className={styles.main}>
        {/* Every page stays mounted, so a rollup or a register built earlier is still there on return. */}
        {PAGES.map((id) =>
          isSection(id) ? (
            <div key={id} id={`page-${id}`} role="tabpanel" aria-labelledby={`tab-${id}`} hidden={page !== id}>
              {PAGE_CONTENT[id]()}
            </div>
          ) : (
            // A page from the menu is named by its own heading (its section's label).
            <div key={id} id={`page-${id}`} hidden={page !== id}>
              {PAGE_CONTENT[id]()}
            </div>
          ),
        )}
      </main>
      <WorkStatus />
    </>
  );
}

function ExcelReadyBar({ excelReady }: { readonly excelReady: ExcelReady }) {
  const { host } = useWorkbench();
  return (
    <MessageBar intent="info" layout="multiline" aria-live="polite">
      <MessageBarBody>
        <MessageBarTitle>Excel is ready</MessageBarTitle>
        Excel started after the pane, so the pane is working on {host.workbookLabel() ?? 'a file'}. Switch to the workbook open in Excel to read and write it
        directly; what you did with the file here is not kept.
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
  );
}

/** The pages' headings, where focus goes when a page is opened from the menu. */
const MENU_PAGE_HEADINGS: Readonly<Record<(typeof MENU_PAGES)[number], string>> = {
  model: 'model-heading',
  settings: 'settings-heading',
  rules: 'rules-heading',
};

/** Three sections as tabs (arrow keys move between them) and a menu for the rest: one row at 350 px. */
function PaneNav() {
  const styles = useStyles();
  const navigation = useNavigation();
  const { page } = navigation;
  // The page just opened from the menu: its heading takes the focus once the menu has closed.
  const [opened, setOpened] = useState<(typeof MENU_PAGES)[number] | null>(null);
  useEffect(() => {
    if (!opened) return;
    const timer = setTimeout(() => {
      document.getElementById(MENU_PAGE_HEADINGS[opened])?.focus();
      setOpened(null);
    }, 0);
    return () => clearTimeout(timer);
  }, [opened]);
  return (
    <nav aria-label="Pages" className={styles.nav}>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={isSection(page) ? page : null}
        onTabSelect={(_, data) => navigation.show(data.value as PageId)}
      >
        {SECTIONS.map((id) => (
          <Tab key={id} id={`tab-${id}`} value={id} aria-controls={`page-${id}`}>
            {PAGE_TITLES[id]}
          </Tab>
        ))}
      </TabList>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton className={styles.more} size="small" appearance={isSection(page) ? 'subtle' : 'secondary'}>
            More
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {MENU_PAGES.map((id) => (
              <MenuItem
                key={id}
                aria-current={page === id ? 'page' : undefined}
                onClick={() => {
                  navigation.show(id);
                  setOpened(id);
                }}
              >
                {PAGE_TITLES[id]}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
    </nav>
  );
}

/** Before the first check: what the product checks, and that it changes nothing unless asked to. */
function FirstRunLine() {
  const styles = useStyles();
  const { check } = useWorkbench();
  const [checkedOnce, setCheckedOnce] = useState(false);
  useEffect(() => {
    if (check) setCheckedOnce(true);
  }, [check]);
  if (check || checkedOnce) return null;
  return (
    <Text size={200} className={styles.firstRun}>
      Checks the workbook for totals that don't add up, variances against budget (with RAG), codes that don't match the model, registers and formulas. Nothing
      in the workbook changes unless you choose to write.
    </Text>
  );
}
