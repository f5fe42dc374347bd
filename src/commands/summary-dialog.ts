/** The "Check workbook" summary dialog: renders what the command put in the URL; Close tells the command to close it. */
import { decodeSummary, readinessLine, type CheckSummary } from './check-summary';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function renderSummary(root: HTMLElement, summary: CheckSummary, close: () => void): void {
  root.replaceChildren();
  root.append(element('h1', 'Commissioning Workbench: check'));
  if (summary.failure) {
    root.append(element('p', 'The check could not run.', 'bad'), element('p', summary.failure));
    root.append(element('p', 'Open the Commissioning pane (Home, Commissioning) to see more, fix what the message says, and check again.'));
  } else {
    const { errors, warnings, info } = summary.summary;
    root.append(element('p', readinessLine(summary.summary), errors > 0 ? 'bad' : 'good'));
    root.append(
      element(
        'p',
        `${plural(summary.tables, 'table')} checked against ${summary.model}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${info} info.`,
      ),
    );
    if (summary.top.length > 0) {
      const list = element('ul');
      for (const t of summary.top) {
        const item = element('li');
        item.append(element('strong', t.where), document.createTextNode(`: ${t.message}`));
        list.append(item);
      }
      root.append(element('p', errors > 0 ? 'First errors:' : 'First warnings:'), list);
    }
    root.append(
      element('p', 'Nothing in the workbook was changed. Open the Commissioning pane (Home, Commissioning) for every finding, with links to the cells.'),
    );
  }
  const button = element('button', 'Close');
  button.type = 'button';
  button.addEventListener('click', close);
  root.append(button);
  button.focus();
}

function start(): void {
  const root = document.getElementById('summary');
  if (!root) return;
  const close = (): void => {
    if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent('close');
    else window.close();
  };
  renderSummary(root, decodeSummary(window.location.search), close);
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') Office.onReady().then(start, start);
else start();
