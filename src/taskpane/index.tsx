/**
 * Task-pane entry. Inside Excel, office.js must be ready before the pane reads the host and theme;
 * without office.js (a plain browser, offline, or office.js failing to load) the same pane renders
 * straight away and works on a file.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createEngine } from './engine/client';
import { ExcelHost } from './host/excel-host';
import { FileHost } from './host/file-host';
import type { PaneHost } from './host/types';
import { officeHostName, officeThemeIsDark } from './office-context';

/** How long to wait for Office.onReady before treating the page as outside Office. */
const OFFICE_READY_TIMEOUT_MS = 10_000;

function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

function render(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no element with id "root"');
  const inExcel = officeHostName() === 'Excel';
  const host: PaneHost = inExcel ? new ExcelHost() : new FileHost();
  const dark = inExcel ? officeThemeIsDark() : prefersDark();
  createRoot(container).render(<App host={host} engine={createEngine()} dark={dark} />);
}

let rendered = false;
function renderOnce(): void {
  if (rendered) return;
  rendered = true;
  render();
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  // A failed or never-settling initialisation still leaves a usable pane: it renders as if outside Office.
  Office.onReady().then(renderOnce, renderOnce);
  setTimeout(renderOnce, OFFICE_READY_TIMEOUT_MS);
} else {
  renderOnce();
}
