/**
 * Task-pane entry: starts the pane (start.tsx) in the page's root element, inside Excel once
 * office.js is ready, on a file otherwise.
 */
import { createEngine } from './engine/client';
import { startPane } from './start';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no element with id "root"');
startPane({ container, engine: createEngine(), office: typeof Office === 'undefined' ? undefined : Office });
