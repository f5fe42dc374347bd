/** @jest-environment jsdom */
/** The Model page: which model is in effect and where it came from; a model file; inserting the Model sheet and the budget template. */
import '@testing-library/jest-dom';
import { fireEvent, waitFor } from '@testing-library/react';
import { defaultModel, saveModelJson } from '../../src/model/json';
import { writeModelSheet } from '../../src/model/model-sheet';
import type { CommissioningModel } from '../../src/model/types';
import type { GridWorkbook } from '../../src/sheet/grid';
import { gridOf } from '../helpers/grid';
import { FakeHost, sampleWorkbook } from './fake-host';
import { ENGINE_WAIT, openPage, renderPane, screen, within } from './render';

jest.setTimeout(60_000);

let sample: GridWorkbook;
beforeAll(async () => {
  sample = await sampleWorkbook();
});

function renamed(name: string): CommissioningModel {
  const model = defaultModel();
  return { ...model, organisation: { ...model.organisation, name } };
}

/** Picks a file in the page's file input labelled `label`. */
function chooseFile(page: HTMLElement, label: string, name: string, text: string): void {
  const input = within(page).getByLabelText<HTMLInputElement>(label);
  const file = new File([text], name, { type: 'application/json' });
  fireEvent.change(input, { target: { files: [file] } });
}

test('says the default model is in effect, and shows it', async () => {
  const { user } = renderPane(new FakeHost('excel', sample));
  const page = await openPage(user, 'Model');
  expect(within(page).getByText(/^The default model, built from the MOPAC audit-panel reports/)).toBeInTheDocument();
  expect(within(page).getByText(`${defaultModel().organisation.name} (${defaultModel().organisation.shortName})`)).toBeInTheDocument();
});

test("a workbook's Model sheet becomes the model in effect once the workbook is read", async () => {
  const withModel: GridWorkbook = { sheets: [...sample.sheets, writeModelSheet(renamed('Test Commissioning Office'))] };
  const { user } = renderPane(new FakeHost('excel', withModel));
  const check = await openPage(user, 'Check');
  await user.click(within(check).getByRole('button', { name: 'Check workbook' }));
  await waitFor(() => expect(within(check).getByRole('group', { name: 'Summary' })).toBeInTheDocument(), ENGINE_WAIT);
  const page = await openPage(user, 'Model');
  expect(within(page).getByText('The "Model" sheet of this workbook.')).toBeInTheDocument();
  expect(within(page).getByText(/^Test Commissioning Office/)).toBeInTheDocument();
});

test('a model file chosen in the pane takes precedence, and can be dropped again', async () => {
  const { user } = renderPane(new FakeHost('excel', sample));
  const page = await openPage(user, 'Model');
  chooseFile(page, 'Use a model file', 'other.json', saveModelJson(renamed('Other Office')));
  await waitFor(() => expect(within(page).getByText(/^The model file other\.json, chosen in this pane/)).toBeInTheDocument());
  expect(within(page).getByText(/^Other Office/)).toBeInTheDocument();
  await user.click(within(page).getByRole('button', { name: 'Stop using other.json' }));
  expect(within(page).getByText(/^The default model/)).toBeInTheDocument();
});

test('a model file that is not a model is explained, with its problem, and the model stays as it was', async () => {
  const { user } = renderPane(new FakeHost('excel', sample));
  const page = await openPage(user, 'Model');
  chooseFile(page, 'Use a model file', 'broken.json', '{ "schemaVersion": 1, ');
  await waitFor(() => expect(screen.getByText('The model cannot be used')).toBeInTheDocument());
  expect(screen.getByText(/broken\.json: not valid JSON at line 1/)).toBeInTheDocument();
  expect(within(page).getByText(/^The default model/)).toBeInTheDocument();
});

test('"Insert Model sheet" and "Insert budget template" hand the model in effect to the host', async () => {
  const host = new FakeHost('excel', sample);
  const { user } = renderPane(host);
  const page = await openPage(user, 'Model');
  await user.click(within(page).getByRole('button', { name: 'Insert Model sheet' }));
  await waitFor(() => expect(host.modelSheets).toHaveLength(1), ENGINE_WAIT);
  expect(host.modelSheets[0].organisation.name).toBe(defaultModel().organisation.name);
  await user.click(within(page).getByRole('button', { name: 'Insert budget template' }));
  await waitFor(() => expect(host.templates).toHaveLength(1), ENGINE_WAIT);
  expect(screen.getByText('Inserted the budget template.')).toBeInTheDocument();
});

test('outside Excel the inserts say they download, and wait for a workbook', async () => {
  const { user } = renderPane(new FakeHost('file', null));
  const page = await openPage(user, 'Model');
  expect(within(page).getByRole('button', { name: 'Insert Model sheet (download)' })).toBeDisabled();
  expect(within(page).getByRole('button', { name: 'Insert budget template (download)' })).toBeDisabled();
});

test('a workbook the default model does not describe is checked without one, and the pane says so', async () => {
  const councils: GridWorkbook = {
    sheets: [
      gridOf('Outturn', [
        ['Authority', 'Service', 'Budget £'],
        ['Cardiff', 'Highways', 200],
        ['Swansea', 'Parking', 300],
        ['Total', '', 500],
      ]),
    ],
  };
  const { user } = renderPane(new FakeHost('excel', councils));
  const check = await openPage(user, 'Check');
  await user.click(within(check).getByRole('button', { name: 'Check workbook' }));
  await waitFor(() => expect(within(check).getByRole('group', { name: 'Summary' })).toBeInTheDocument(), ENGINE_WAIT);
  expect(within(check).getByText(/checked on 1 sheet without a model\./)).toBeInTheDocument();
  expect(within(check).getByText(/^No model applies: the workbook names none of the default model's \(MOPAC\)/)).toBeInTheDocument();
  const page = await openPage(user, 'Model');
  expect(within(page).getByText(/^No model: the workbook names none of the default model's/)).toBeInTheDocument();
  expect(within(page).queryByRole('button', { name: 'Insert Model sheet' })).not.toBeInTheDocument();
  expect(within(page).queryByText(defaultModel().priorityAreas[0].name)).not.toBeInTheDocument();
  const panel = await openPage(user, 'Panel report');
  expect(within(panel).getByText(/^No panel report: no model applies to this workbook/)).toBeInTheDocument();
  expect(within(panel).getByRole('button', { name: 'Prepare panel report' })).toBeDisabled();
});
