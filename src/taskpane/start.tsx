/**
 * Starting the pane. Inside Excel, office.js must be ready before the pane reads the host and theme;
 * without office.js (a plain browser, offline, or office.js failing to load) the same pane renders
 * straight away and works on a file.
 *
 * Office can start slowly (a cold Excel, a slow network): after OFFICE_READY_TIMEOUT_MS the pane
 * renders on a file rather than leave the user with nothing. When Office.onReady arrives after that
 * and reports Excel, the pane moves to Excel: at once if no workbook was opened as a file (nothing is
 * lost), otherwise it says Excel is ready and offers the switch, so a file being worked on is not
 * dropped without asking.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App, PANE_HEADING_ID } from './App';
import type { Engine } from './engine/client';
import { ExcelHost } from './host/excel-host';
import { FileHost } from './host/file-host';
import type { PaneHost } from './host/types';
import { officeHostName, officeThemeIsDark } from './office-context';

/** How long to wait for Office.onReady before rendering as if outside Office. */
export const OFFICE_READY_TIMEOUT_MS = 10_000;

/** What start-up uses of office.js. */
interface OfficeReadySource {
  readonly onReady?: (() => Promise<unknown>) | undefined;
}

interface StartOptions {
  readonly container: HTMLElement;
  readonly engine: Engine;
  /** The global Office, when office.js is on the page. */
  readonly office: OfficeReadySource | undefined;
  readonly timeoutMs?: number;
  readonly makeExcelHost?: () => PaneHost;
  readonly makeFileHost?: () => PaneHost;
  /** The browser's colour scheme, for the pane outside Office. */
  readonly prefersDark?: () => boolean;
}

function browserPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

interface Chosen {
  readonly host: PaneHost;
  readonly dark: boolean;
}

/** Renders the pane into `container` once Office is ready, or once the wait for it is over. */
export function startPane(options: StartOptions): Root {
  const { container, engine, office } = options;
  const makeExcelHost = options.makeExcelHost ?? (() => new ExcelHost());
  const makeFileHost = options.makeFileHost ?? (() => new FileHost());
  const prefersDark = options.prefersDark ?? browserPrefersDark;
  const inExcel = () => officeHostName() === 'Excel';
  const excel = (): Chosen => ({ host: makeExcelHost(), dark: officeThemeIsDark() });
  const choose = (): Chosen => (inExcel() ? excel() : { host: makeFileHost(), dark: prefersDark() });

  const root = createRoot(container);
  const onReady = typeof office?.onReady === 'function' ? office.onReady.bind(office) : null;
  if (!onReady) {
    root.render(<PaneRoot initial={choose()} engine={engine} officeReady={null} excel={excel} inExcel={inExcel} />);
    return root;
  }

  // A failed initialisation still leaves a usable pane: it renders as if outside Office.
  let ready: Promise<unknown>;
  try {
    ready = Promise.resolve(onReady());
  } catch (caught) {
    ready = Promise.reject(caught instanceof Error ? caught : new Error('Office.onReady threw something other than an Error'));
  }
  let rendered = false;
  const renderOnce = () => {
    if (rendered) return;
    rendered = true;
    root.render(<PaneRoot initial={choose()} engine={engine} officeReady={ready} excel={excel} inExcel={inExcel} />);
  };
  ready.then(renderOnce, renderOnce);
  setTimeout(renderOnce, options.timeoutMs ?? OFFICE_READY_TIMEOUT_MS);
  return root;
}

interface PaneRootProps {
  readonly initial: Chosen;
  readonly engine: Engine;
  /** Office.onReady, still to settle when the pane rendered on a file after the wait. */
  readonly officeReady: Promise<unknown> | null;
  readonly excel: () => Chosen;
  readonly inExcel: () => boolean;
}

/** The pane, and the move from a file to Excel when Office turns up late. */
function PaneRoot({ initial, engine, officeReady, excel, inExcel }: PaneRootProps) {
  const [current, setCurrent] = useState<Chosen & { readonly generation: number }>({ ...initial, generation: 0 });
  const [excelReady, setExcelReady] = useState(false);
  const hostRef = useRef(current.host);
  hostRef.current = current.host;
  /** Set when the user chose the switch: their focus was on a button that is now gone. */
  const focusAfterSwitch = useRef(false);

  useEffect(() => {
    if (!focusAfterSwitch.current) return;
    focusAfterSwitch.current = false;
    document.getElementById(PANE_HEADING_ID)?.focus();
  }, [current.generation]);

  const switchToExcel = useCallback(() => {
    setExcelReady(false);
    // A new App (keyed afresh): its state belonged to the file, and the Excel host reads the open workbook.
    setCurrent((was) => ({ ...excel(), generation: was.generation + 1 }));
  }, [excel]);

  useEffect(() => {
    if (!officeReady) return undefined;
    let live = true;
    officeReady.then(
      () => {
        if (!live || hostRef.current.kind !== 'file' || !inExcel()) return;
        if (hostRef.current.workbookLabel() === null) switchToExcel();
        else setExcelReady(true);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [officeReady, inExcel, switchToExcel]);

  return (
    <App
      key={current.generation}
      host={current.host}
      engine={engine}
      dark={current.dark}
      excelReady={
        excelReady
          ? {
              onSwitch: () => {
                focusAfterSwitch.current = true;
                switchToExcel();
              },
              onDismiss: () => setExcelReady(false),
            }
          : null
      }
    />
  );
}
