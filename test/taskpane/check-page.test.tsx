/** @jest-environment jsdom */
/**
 * The Check page on the sample workbook, through a fake Excel host and the real engine: the known
 * findings, the filters, navigation to a cell, checking one sheet, and "Write findings sheet".
 */
import '@testing-library/jest-dom';
import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { CancelledError } from '../../src/taskpane/engine/errors';
import { checkWorkbook } from '../../src/checks/runner';
import { defaultModel } from '../../src/model/json';
import type { GridWorkbook } from '../../src/sheet/grid';
import { FakeHost, sampleWorkbook } from './fake-host';
import { ENGINE_WAIT, openPage, renderPane, within } from './render';

jest.setTimeout(60_000);

let sample: GridWorkbook;
beforeAll(async () => {
  sample = await sampleWorkbook();
});

/**
 * jsdom has no layout, so the virtualised list draws as many rows as fit `window.innerHeight` at their
 * estimated heights (useVirtualRows). A test that reads every finding makes the window very tall first;
 * the others search for the cards they need, which also keeps jsdom's accessible-name queries quick.
 */
function windowHeight(height: number): void {
  Object.defineProperty(window, 'innerHeight', { configurable: true, value: height });
  window.dispatchEvent(new Event('resize'));
}
const JSDOM_HEIGHT = window.innerHeight;
const drawEveryCard = () => windowHeight(100_000);
beforeEach(() => windowHeight(JSDOM_HEIGHT));

async function search(page: HTMLElement, user: ReturnType<typeof userEvent.setup>, words: string): Promise<void> {
  await user.type(within(page).getByRole('searchbox', { name: /^Search findings/ }), words);
}

async function groupBy(page: HTMLElement, user: ReturnType<typeof userEvent.setup>, by: 'none' | 'rule' | 'sheet'): Promise<void> {
  await user.selectOptions(within(page).getByRole('combobox', { name: 'Group by' }), by);
}

async function checked(host = new FakeHost('excel', sample)) {
  const pane = renderPane(host);
  const page = await openPage(pane.user, 'Check');
  await pane.user.click(within(page).getByRole('button', { name: 'Check workbook' }));
  await waitFor(() => expect(within(page).getByRole('group', { name: 'Summary' })).toBeInTheDocument(), ENGINE_WAIT);
  return { ...pane, page, host };
}

/** The finding items of one sheet's group, as their text. */
function findingsOn(page: HTMLElement, sheet: string): string[] {
  const group = within(page).getByRole('region', { name: `Findings on ${sheet}` });
  return within(group)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

test('shows the summary by severity and the readiness line, as the engine counts them', async () => {
  const { page } = await checked();
  const expected = checkWorkbook(sample, defaultModel()).summary;
  expect(expected.errors).toBeGreaterThan(0);
  const summary = within(page).getByRole('group', { name: 'Summary' });
  expect(summary).toHaveTextContent(`${expected.errors} errors`);
  expect(summary).toHaveTextContent(`${expected.warnings} warnings`);
  expect(summary).toHaveTextContent(`${expected.info} info`);
  expect(summary).toHaveTextContent(`${expected.errors} errors open: not ready for the panel`);
});

test("lists the sample's known findings under their sheets, with message, expected, actual and suggestion", async () => {
  drawEveryCard();
  const { page, user } = await checked();
  await groupBy(page, user, 'sheet');
  const lcpf = findingsOn(page, 'LCPF boroughs');
  const rounding = lcpf.find((text) => text.includes('total-rounding') && text.includes('B36'));
  expect(rounding).toMatch(/Total \(Allocation\) £13\.4m, but the 33 lines above sum to £13\.8m/);
  expect(rounding).toMatch(/Expected £13\.8m · Actual £13\.4m/);

  const spend = findingsOn(page, 'Spend by priority area');
  const headline = spend.find((text) => text.includes('headline-mismatch') && text.includes('A Better Criminal Justice Service'));
  expect(headline).toMatch(/stated as £17\.9m, but its 8 lines sum to £18\.1m/);
  expect(spend.find((text) => text.includes('hardcoded-total'))).toMatch(/Suggestion: =SUM\(B11:B15\)/);

  // Every finding of the engine is listed once, grouped by its sheet.
  const all = checkWorkbook(sample, defaultModel()).findings;
  const sheets = [...new Set(all.map((f) => f.sheet))];
  const listed = sheets.map((sheet) => findingsOn(page, sheet).length);
  expect(listed).toEqual(sheets.map((sheet) => all.filter((f) => f.sheet === sheet).length));
});

test('the counts in the summary, the rule and the search narrow the list; clearing the filters shows every finding', async () => {
  drawEveryCard();
  const { page, user } = await checked();
  const all = checkWorkbook(sample, defaultModel()).findings;
  const warnings = all.filter((f) => f.severity === 'warning');
  const summary = within(page).getByRole('group', { name: 'Summary' });
  const warningsCount = within(summary).getByRole('button', { name: `${warnings.length} warnings` });
  expect(warningsCount).toHaveAttribute('aria-pressed', 'false');
  await user.click(warningsCount);
  expect(warningsCount).toHaveAttribute('aria-pressed', 'true');
  expect(within(page).getByText(`${warnings.length} of ${all.length} findings shown`)).toBeInTheDocument();
  expect(within(page).getAllByRole('listitem')).toHaveLength(warnings.length);
  for (const item of within(page).getAllByRole('listitem')) expect(item).toHaveTextContent(/^Warning/);

  await user.selectOptions(within(page).getByRole('combobox', { name: 'Rule' }), 'total-rounding');
  const rounding = warnings.filter((f) => f.rule === 'total-rounding');
  const items = within(page).getAllByRole('listitem');
  expect(items).toHaveLength(rounding.length);
  for (const item of items) expect(item).toHaveTextContent('total-rounding');

  await user.type(within(page).getByRole('searchbox', { name: /^Search findings/ }), 'no finding says this');
  expect(within(page).queryAllByRole('listitem')).toHaveLength(0);
  expect(within(page).getByText(`0 of ${all.length} findings shown`)).toBeInTheDocument();
  expect(within(page).getByText('No finding matches these filters.')).toBeInTheDocument();
  await user.click(within(page).getAllByRole('button', { name: 'Clear filters' })[0]);
  expect(within(page).getAllByRole('listitem')).toHaveLength(all.length);
  expect(within(page).getByText(`${all.length} findings`)).toBeInTheDocument();
  expect(warningsCount).toHaveAttribute('aria-pressed', 'false');
});

test('the search looks in the message, the place, the rule and the suggestion, ignoring case', async () => {
  drawEveryCard();
  const { page, user } = await checked();
  const all = checkWorkbook(sample, defaultModel()).findings;
  const search = within(page).getByRole('searchbox', { name: /^Search findings/ });
  const matching = (words: string) =>
    all.filter((f) => [f.message, f.sheet, f.cell, `${f.sheet}!${f.cell}`, f.rule, f.suggestion ?? ''].some((text) => text.toLowerCase().includes(words)));
  await user.type(search, 'lcpf BOROUGHS!b36');
  expect(matching('lcpf boroughs!b36').map((f) => f.cell)).toContain('B36');
  expect(within(page).getAllByRole('listitem')).toHaveLength(matching('lcpf boroughs!b36').length);
  await user.clear(search);
  await user.type(search, '=SUM(');
  expect(all.filter((f) => f.suggestion?.startsWith('=SUM(')).length).toBeGreaterThan(0);
  expect(within(page).getAllByRole('listitem')).toHaveLength(matching('=sum(').length);
});

test('selecting a finding asks the host to select its cell', async () => {
  const { page, user, host } = await checked();
  await search(page, user, 'LCPF boroughs!B36');
  const goTo = within(page).getByRole('button', { name: 'Go to B36 on LCPF boroughs, total-rounding' });
  // The name starts with the words the button shows (WCAG 2.5.3).
  expect(goTo).toHaveTextContent('Go to B36');
  await user.click(goTo);
  expect(host.selected).toEqual([{ sheet: 'LCPF boroughs', cell: 'B36' }]);
  const item = within(page).getByRole('button', { name: 'Go to B36 on LCPF boroughs, total-rounding' }).closest('li');
  expect(item).toHaveAttribute('aria-current', 'true');
  await waitFor(() => expect(within(document.body).getByText('Selected LCPF boroughs!B36.')).toBeInTheDocument());
});

test('checks a single sheet when one is chosen, and reads the workbook afresh from Excel each time', async () => {
  const { page, user, host } = await checked();
  expect(host.reads).toBe(1);
  await groupBy(page, user, 'sheet');
  await user.selectOptions(within(page).getByRole('combobox', { name: 'What to check' }), 'Sheet: LCPF boroughs');
  await user.click(within(page).getByRole('button', { name: 'Check workbook' }));
  await waitFor(() => expect(within(page).getByText(/checked on “LCPF boroughs”/)).toBeInTheDocument(), ENGINE_WAIT);
  expect(host.reads).toBe(2);
  expect(
    within(page)
      .getAllByRole('region', { name: /^Findings on / })
      .map((r) => r.getAttribute('aria-label')),
  ).toEqual(['Findings on LCPF boroughs']);
});

test('"Write findings sheet" writes the Findings sheet with every finding of the check', async () => {
  const { page, user, host } = await checked();
  await user.click(within(page).getByRole('button', { name: 'Write findings sheet' }));
  await waitFor(() => expect(host.written).toHaveLength(1), ENGINE_WAIT);
  const [{ args, sheets }] = host.written;
  expect(args.which).toEqual(['Findings']);
  expect(sheets.map((s) => s.name)).toEqual(['Findings']);
  expect(sheets[0].tables[0].rows).toHaveLength(checkWorkbook(sample, defaultModel()).findings.length);
});

test('a workbook with nothing wrong says so', async () => {
  const { Grid } = await import('../../src/sheet/grid');
  const clean = new Grid('Budget');
  clean.set(0, 0, 'Project');
  clean.set(0, 1, 'Budget £');
  clean.set(1, 0, 'Youth work');
  clean.set(1, 1, 1000);
  const { page } = await checked(new FakeHost('excel', { sheets: [clean] }));
  expect(within(page).getByText('No errors open')).toBeInTheDocument();
  expect(within(page).getByText('0 findings')).toBeInTheDocument();
});

test('long work shows its progress and can be cancelled; the pane is usable again at once', async () => {
  // An engine whose check never finishes by itself, as on a very large workbook.
  let cancels = 0;
  let rejectCheck: (error: Error) => void = () => {};
  const engine = {
    call: (call: string, _args: unknown, onProgress?: (p: { stage: string; fraction?: number }) => void) => {
      if (call === 'load') return Promise.resolve({ label: 'this workbook', sheets: ['Budget'], modelSheet: null, defaultModel: { applies: true } });
      onProgress?.({ stage: 'Checking 1 sheets', fraction: 0.2 });
      return new Promise((_, reject) => (rejectCheck = reject));
    },
    cancel: () => {
      cancels++;
      rejectCheck(new CancelledError());
    },
    dispose: () => {},
  };
  const user = userEvent.setup();
  render(<App host={new FakeHost('excel', sample)} engine={engine as never} dark={false} />);
  await user.click(within(document.body).getByRole('button', { name: 'Check workbook' }));
  const status = await within(document.body).findByRole('status');
  expect(status).toHaveTextContent('Checking the workbook: checking 1 sheets…');
  expect(within(status).getByRole('progressbar')).toBeInTheDocument();
  expect(within(document.body).getByRole('button', { name: 'Check workbook' })).toBeDisabled();
  await user.click(within(status).getByRole('button', { name: 'Cancel' }));
  expect(cancels).toBe(1);
  await waitFor(() => expect(within(document.body).getByText('Checking the workbook: cancelled.')).toBeInTheDocument());
  expect(within(document.body).queryByRole('status')).not.toBeInTheDocument();
  expect(within(document.body).getByRole('button', { name: 'Check workbook' })).toBeEnabled();
});

test('states what the check covered, and shows how the table behind a selected finding was read', async () => {
  const { page, user } = await checked();
  expect(page).toHaveTextContent(/Read 16 tables; checked \d+ totals against the figures they add up/);
  await groupBy(page, user, 'sheet');
  await search(page, user, 'LCPF boroughs!B36');
  const group = within(page).getByRole('region', { name: 'Findings on LCPF boroughs' });
  expect(within(group).queryByText('How this table was read')).toBeNull();
  await userEvent.click(within(group).getAllByRole('button', { name: /^Go to B36 on LCPF boroughs/ })[0]);
  const details = within(group).getByText('How this table was read').closest('details');
  expect(details).toHaveTextContent('LCPF boroughs!A1:D36');
  expect(details).toHaveTextContent('total row 36 “Total” adds rows 3–35 (by arithmetic)');
});

test("explains a finding's rule on its card from the rule's own meta: why at once, how to fix behind a toggle, all rules a click away", async () => {
  drawEveryCard();
  const { page, user } = await checked();
  await groupBy(page, user, 'sheet');
  const { ruleMeta } = await import('../../src/checks/rules/registry');
  const meta = ruleMeta('total-rounding')!;
  const group = within(page).getByRole('region', { name: 'Findings on LCPF boroughs' });
  const card = within(group)
    .getAllByRole('listitem')
    .find((item) => item.textContent?.includes('total-rounding'))!;
  const toggle = await within(card).findByRole('button', { name: 'How to fix' });
  expect(card).toHaveTextContent(`${meta.title}: ${meta.why}`);
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(card).not.toHaveTextContent(meta.fix);
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  expect(card).toHaveTextContent(meta.fix);

  // "All rules" opens the rule help page at this rule, which takes the focus.
  await user.click(within(card).getByRole('button', { name: `All rules: ${meta.title}` }));
  await waitFor(() => expect(document.getElementById('rule-total-rounding')).toHaveFocus());
  expect(within(document.body).getByRole('region', { name: 'Rule help' })).toContainElement(document.getElementById('rule-total-rounding'));
});

describe('the list at work', () => {
  /** Each drawn card's place and rule, from its "Go to" button's name (read directly: jsdom's name queries are slow on many cards). */
  function cardPlaces(page: HTMLElement): string[] {
    return [...page.querySelectorAll('button[aria-label^="Go to "]')].map((button) => button.getAttribute('aria-label') ?? '');
  }

  test('errors first: most serious, then sheet in workbook order, then row and column', async () => {
    drawEveryCard();
    const { page } = await checked();
    const { orderFindings } = await import('../../src/reports/findings-table');
    const ordered = orderFindings(
      checkWorkbook(sample, defaultModel()).findings,
      sample.sheets.map((g) => g.name),
    );
    expect(within(page).getAllByRole('listitem')[0]).toHaveTextContent(/^Error/);
    expect(cardPlaces(page)).toEqual(ordered.map((f) => `Go to ${f.cell} on ${f.sheet}, ${f.rule}`));
  });

  test('after Check, focus is on the results heading, whose name says the counts', async () => {
    const { page } = await checked();
    const summary = checkWorkbook(sample, defaultModel()).summary;
    const heading = within(page).getByRole('heading', { name: /^Results/ });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(heading).toHaveAccessibleName(`Results: ${summary.errors} errors, ${summary.warnings} warnings, ${summary.info} info`);
  });

  test('a decision moves its finding after the open ones and into "N decided", and leaves focus on the card', async () => {
    drawEveryCard();
    const { page, user } = await checked();
    const heading = within(page).getByRole('heading', { name: /^Results/ });
    await waitFor(() => expect(heading).toHaveFocus());
    const first = within(page).getAllByRole('listitem')[0];
    const place = first.querySelector('button[aria-label^="Go to "]')!.getAttribute('aria-label')!;
    await user.click(within(first).getByRole('button', { name: /^Ignore this rule here/ }));
    const summary = within(page).getByRole('group', { name: 'Summary' });
    await waitFor(() => expect(within(summary).getByRole('button', { name: '1 decided' })).toBeInTheDocument(), ENGINE_WAIT);
    expect(heading).not.toHaveFocus();
    expect(cardPlaces(page).at(-1)).toBe(place);
    expect(cardPlaces(page)[0]).not.toBe(place);
  });

  test('grouped by rule, each group is a region whose heading counts the whole group, filtered or not', async () => {
    drawEveryCard();
    const { page, user } = await checked();
    const all = checkWorkbook(sample, defaultModel()).findings;
    await groupBy(page, user, 'rule');
    const rounding = all.filter((f) => f.rule === 'total-rounding');
    const region = within(page).getByRole('region', { name: 'Findings of rule total-rounding' });
    expect(within(region).getByRole('heading', { name: `total-rounding (${rounding.length})` })).toBeInTheDocument();
    expect(within(region).getAllByRole('listitem')).toHaveLength(rounding.length);
    await user.type(within(page).getByRole('searchbox', { name: /^Search findings/ }), 'LCPF boroughs!B36');
    const shown = rounding.filter((f) => f.sheet === 'LCPF boroughs' && f.cell === 'B36').length;
    expect(within(page).getByRole('heading', { name: `total-rounding (${shown} of ${rounding.length})` })).toBeInTheDocument();
  });

  test('"Same difference" links select the other finding (clearing filters that hide it), focus its card and go to its cell', async () => {
    drawEveryCard();
    const { page, user, host } = await checked();
    const source = within(page)
      .getAllByRole('listitem')
      .find((item) => item.textContent?.includes('Same difference:'));
    expect(source).toBeDefined();
    const sourcePlace = within(source!)
      .getByRole('button', { name: /^Go to / })
      .getAttribute('aria-label')!;
    const [, cell, sheet] = /^Go to (\S+) on (.+), [a-z-]+$/.exec(sourcePlace)!;
    // Searching for the source's place hides the other finding, on another sheet or cell.
    await user.type(within(page).getByRole('searchbox', { name: /^Search findings/ }), `${sheet}!${cell}`);
    const link = within(within(page).getAllByRole('listitem')[0]).getAllByRole('button', { name: /^.+!\w+ \([a-z-]+\)$/ })[0];
    const [, targetSheet, targetCell, targetRule] = /^(.+)!(\w+) \(([a-z-]+)\)$/.exec(link.textContent ?? '')!;
    await user.click(link);
    expect(host.selected.at(-1)).toEqual({ sheet: targetSheet, cell: targetCell });
    expect(within(page).getByRole('searchbox', { name: /^Search findings/ })).toHaveValue('');
    const target = page.querySelector(`button[aria-label="Go to ${targetCell} on ${targetSheet}, ${targetRule}"]`)?.closest('li');
    expect(target).toHaveAttribute('aria-current', 'true');
    expect(target).toHaveFocus();
  });

  test('only a first window of cards is drawn where the window is short, not every finding', async () => {
    const { page } = await checked();
    const drawn = within(page).getAllByRole('listitem').length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(checkWorkbook(sample, defaultModel()).findings.length);
    expect(within(page).getAllByRole('listitem')[0]).toHaveTextContent(/^Error/);
  });

  test('a workbook with no table of figures says nothing was found to check, and why; never "No errors open"', async () => {
    const { Grid } = await import('../../src/sheet/grid');
    const notes = new Grid('Notes');
    notes.set(0, 0, 'Minutes of the meeting');
    notes.set(2, 0, 'Nothing was agreed.');
    const { page } = await checked(new FakeHost('excel', { sheets: [notes] }));
    expect(within(page).getAllByText('Nothing was found to check').length).toBeGreaterThan(0);
    expect(page).toHaveTextContent('No table of figures was recognised on 1 sheet.');
    expect(within(page).queryByText('No errors open')).not.toBeInTheDocument();
  });
});

describe('getting the findings out', () => {
  test('"Export findings (CSV)" downloads every finding, one row each under the header, whatever the filters', async () => {
    const { page, user, host } = await checked();
    const all = checkWorkbook(sample, defaultModel()).findings;
    await user.click(within(page).getByRole('button', { name: `${all.filter((f) => f.severity === 'error').length} errors` }));
    await user.click(within(page).getByRole('button', { name: 'Export findings (CSV)' }));
    expect(host.downloads).toHaveLength(1);
    const [{ fileName, data, mimeType }] = host.downloads;
    expect(fileName).toBe('findings.csv');
    expect(mimeType).toMatch(/^text\/csv/);
    const lines = String(data).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFFSeverity,RAG,Rule,Sheet,Cell,Message,Expected,Actual,Unit,Suggestion,Decision,Reason,Date');
    expect(String(data).match(/\r\n(Error|Warning|Info),/g)).toHaveLength(all.length);
    expect(within(page).getByText(`Downloaded findings.csv: ${all.length} findings, one per row.`)).toBeInTheDocument();

    // With a filter on, the findings shown are offered as a second file.
    const errors = all.filter((f) => f.severity === 'error').length;
    await user.click(within(page).getByRole('button', { name: `Export the ${errors} findings shown (CSV)` }));
    expect(host.downloads[1].fileName).toBe('findings (shown).csv');
    expect(String(host.downloads[1].data).match(/\r\nError,/g)).toHaveLength(errors);
  });

  test('where downloads cannot arrive (Excel for Mac), "Copy as table" comes first', async () => {
    const host = new FakeHost('excel', sample);
    host.canDownloadFiles = false;
    const { page } = await checked(host);
    const names = within(page)
      .getAllByRole('button', { name: /^(Copy as table|Export findings)/ })
      .map((b) => b.textContent);
    expect(names).toEqual(['Copy as table', 'Export findings (CSV)']);
  });

  test('"Copy as table" puts every finding on the clipboard tab-separated; a refused clipboard is said beside the button', async () => {
    const { page, user } = await checked();
    const all = checkWorkbook(sample, defaultModel()).findings;
    const writeText = jest.fn<Promise<void>, [string]>(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    await user.click(within(page).getByRole('button', { name: 'Copy as table' }));
    const tsv = writeText.mock.calls[0][0];
    const lines = tsv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Severity\tRAG\tRule\tSheet\tCell\tMessage\tExpected\tActual\tUnit\tSuggestion\tDecision\tReason\tDate');
    expect(tsv.match(/\r\n(Error|Warning|Info)\t/g)).toHaveLength(all.length);
    expect(within(page).getByText(`Copied ${all.length} findings as a table with a header row: paste it into a sheet.`)).toBeInTheDocument();

    writeText.mockImplementation(() => Promise.reject(new Error('Write permission denied.')));
    document.execCommand = () => false;
    await user.click(within(page).getByRole('button', { name: 'Copy as table' }));
    expect(await within(page).findByText(/^The clipboard was refused \(/)).toBeInTheDocument();
  });
});
