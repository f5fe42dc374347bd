/** @jest-environment jsdom */
/**
 * Start-up when Office is slow: after the wait the pane works on a file; when Office.onReady arrives
 * later with Excel, the pane moves to Excel (at once when no file was opened, on request otherwise).
 */
import '@testing-library/jest-dom';
import { act, fireEvent, screen } from '@testing-library/react';
import { InlineEngine } from '../../src/taskpane/engine/inline';
import { OFFICE_READY_TIMEOUT_MS, startPane } from '../../src/taskpane/start';
import { FakeOffice } from '../workbook/office/fake-office';
import { FakeHost, sampleBytes } from './fake-host';

/** The tests' fake Office, ready when the test says: then it reports the host. */
function lateOffice() {
  const fake = new FakeOffice({ readyWhenTold: true, platform: 'PC' });
  return {
    office: fake.office,
    /** Office is ready: the host appears (as office.js fills it in) and onReady resolves. */
    async arrive(host = 'Excel') {
      await act(() => fake.arrive(host));
    },
  };
}

let container: HTMLElement;
let root: ReturnType<typeof startPane> | undefined;

beforeEach(() => {
  jest.useFakeTimers();
  container = document.createElement('div');
  document.body.appendChild(container);
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container.remove();
  delete (globalThis as { Office?: unknown }).Office;
  jest.useRealTimers();
});

function start(fake: ReturnType<typeof lateOffice>, fileHost: FakeHost) {
  (globalThis as { Office?: unknown }).Office = fake.office;
  const excelHost = new FakeHost('excel', null);
  act(() => {
    root = startPane({
      container,
      engine: new InlineEngine(),
      office: fake.office,
      makeExcelHost: () => excelHost,
      makeFileHost: () => fileHost,
      prefersDark: () => false,
    });
  });
  return excelHost;
}

const inExcel = /^Connected to Excel$/;
const onAFile = /^Not running inside Excel$/;

test('nothing shows until Office is ready or the wait is over; then the pane works on a file', () => {
  start(lateOffice(), new FakeHost('file', null));
  act(() => jest.advanceTimersByTime(OFFICE_READY_TIMEOUT_MS - 1));
  expect(screen.queryByText(onAFile)).not.toBeInTheDocument();
  act(() => jest.advanceTimersByTime(1));
  expect(screen.getByText(onAFile)).toBeInTheDocument();
});

test('Office ready in time: the pane starts in Excel and the timeout changes nothing', async () => {
  const fake = lateOffice();
  start(fake, new FakeHost('file', null));
  act(() => jest.advanceTimersByTime(2_000));
  await fake.arrive();
  expect(screen.getByText(inExcel)).toBeInTheDocument();
  act(() => jest.advanceTimersByTime(OFFICE_READY_TIMEOUT_MS));
  expect(screen.getByText(inExcel)).toBeInTheDocument();
  expect(screen.queryByText(onAFile)).not.toBeInTheDocument();
});

test('Office ready after the wait, no file opened: the pane switches to Excel by itself', async () => {
  const fake = lateOffice();
  start(fake, new FakeHost('file', null));
  act(() => jest.advanceTimersByTime(OFFICE_READY_TIMEOUT_MS + 5_000));
  expect(screen.getByText(onAFile)).toBeInTheDocument();

  await fake.arrive();
  expect(screen.getByText(inExcel)).toBeInTheDocument();
  expect(screen.queryByText(onAFile)).not.toBeInTheDocument();
  expect(screen.queryByText('Excel is ready')).not.toBeInTheDocument();
});

test('Office ready after the wait, a file already opened: the pane offers the switch, and keeps the file until asked', async () => {
  const fake = lateOffice();
  // A file host on which the user has opened a workbook.
  const fileHost = new FakeHost('file', { fileName: 'grants.xlsx', bytes: sampleBytes() });
  start(fake, fileHost);
  act(() => jest.advanceTimersByTime(OFFICE_READY_TIMEOUT_MS));
  await fake.arrive();

  expect(screen.getByText(onAFile)).toBeInTheDocument();
  expect(screen.getByText('Excel is ready')).toBeInTheDocument();
  expect(screen.getByText(/the pane is working on grants\.xlsx/)).toBeInTheDocument();
  // Switch comes first, and both take the keyboard (they are buttons, named by their text).
  const buttons = screen.getAllByRole('button', { name: /^(Switch to Excel|Keep working on the file)$/ });
  expect(buttons.map((b) => b.textContent)).toEqual(['Switch to Excel', 'Keep working on the file']);
  const keep = buttons[1];
  fireEvent.click(keep);
  expect(screen.queryByText('Excel is ready')).not.toBeInTheDocument();
  expect(screen.getByText(onAFile)).toBeInTheDocument();
});

test('"Switch to Excel" moves the pane to the workbook in Excel', async () => {
  const fake = lateOffice();
  start(fake, new FakeHost('file', { fileName: 'grants.xlsx', bytes: sampleBytes() }));
  act(() => jest.advanceTimersByTime(OFFICE_READY_TIMEOUT_MS));
  await fake.arrive();
  const switchButton = screen.getByRole('button', { name: 'Switch to Excel' });
  switchButton.focus();
  act(() => {
    fireEvent.click(switchButton);
  });
  expect(screen.getByText(inExcel)).toBeInTheDocument();
  expect(screen.queryByText('Excel is ready')).not.toBeInTheDocument();
  // The button is gone: keyboard focus lands on the pane's heading, not on the page body.
  expect(screen.getByRole('heading', { level: 1, name: 'Commissioning Workbench' })).toHaveFocus();
});

test('Office ready late but not in Excel (another host): the pane stays on the file', async () => {
  const fake = lateOffice();
  start(fake, new FakeHost('file', null));
  act(() => jest.advanceTimersByTime(OFFICE_READY_TIMEOUT_MS));
  await fake.arrive('Word');
  expect(screen.getByText(onAFile)).toBeInTheDocument();
});

test('without office.js the pane renders on a file at once', () => {
  act(() => {
    root = startPane({ container, engine: new InlineEngine(), office: undefined, makeFileHost: () => new FakeHost('file', null), prefersDark: () => false });
  });
  expect(screen.getByText(onAFile)).toBeInTheDocument();
});
