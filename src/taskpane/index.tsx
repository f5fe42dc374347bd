/**
 * Task-pane entry. Inside Excel, office.js must be ready before the pane reads the host and theme;
 * without office.js (a plain browser, offline) the same pane renders straight away.
 */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { officeHostName, officeThemeIsDark } from './office-context';

function render(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no element with id "root"');
  createRoot(container).render(<App host={officeHostName()} dark={officeThemeIsDark()} />);
}

if (typeof Office !== 'undefined') {
  // A failed initialisation still leaves a usable pane: it renders as if outside Office.
  Office.onReady().then(render, render);
} else {
  render();
}
