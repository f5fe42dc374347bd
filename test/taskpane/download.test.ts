/** @jest-environment jsdom */
/** Getting a file out of the pane: when a download can work, and the clipboard (API, then execCommand). */
import { copyText, downloadsWork } from '../../src/taskpane/host/download';
import { workbookMime, XLSM_MIME, XLSX_MIME } from '../../src/taskpane/host/types';

describe('downloadsWork', () => {
  test('false inside Office on a Mac or an iPad (WKWebView ignores <a download>)', () => {
    expect(downloadsWork({ context: { platform: 'Mac' } }, document)).toBe(false);
    expect(downloadsWork({ context: { platform: 'iOS' } }, document)).toBe(false);
  });

  test('true on Windows, on the web, and outside Office where links can download', () => {
    expect(downloadsWork({ context: { platform: 'PC' } }, document)).toBe(true);
    expect(downloadsWork({ context: { platform: 'OfficeOnline' } }, document)).toBe(true);
    expect(downloadsWork(undefined, document)).toBe(true);
    expect(downloadsWork({}, document)).toBe(true);
  });

  test('false where links have no download attribute', () => {
    const old = { createElement: () => ({}) as HTMLElement } as unknown as Pick<Document, 'createElement'>;
    expect(downloadsWork(undefined, old)).toBe(false);
  });
});

describe('copyText', () => {
  const execCommand = jest.fn<boolean, [string]>();
  beforeEach(() => {
    execCommand.mockReset();
    (document as unknown as { execCommand: typeof execCommand }).execCommand = execCommand;
  });

  test('uses the Clipboard API where there is one', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    await copyText('{"grants":[]}', document, { writeText });
    expect(writeText).toHaveBeenCalledWith('{"grants":[]}');
    expect(execCommand).not.toHaveBeenCalled();
  });

  test('falls back to a selected text area and execCommand("copy") when the API is missing or refused', async () => {
    let selected = '';
    execCommand.mockImplementation((command) => {
      const area = document.querySelector('textarea');
      selected = area ? area.value.slice(area.selectionStart, area.selectionEnd) : '';
      return command === 'copy';
    });
    const button = document.createElement('button');
    document.body.appendChild(button);
    button.focus();
    await copyText('a,b\n1,2', document, undefined);
    expect(selected).toBe('a,b\n1,2');
    expect(document.querySelector('textarea')).toBeNull();
    expect(button).toBe(document.activeElement);

    await copyText('again', document, { writeText: jest.fn().mockRejectedValue(new Error('NotAllowedError')) });
    expect(selected).toBe('again');
    button.remove();
  });

  test('throws, in words, when neither way works', async () => {
    execCommand.mockReturnValue(false);
    await expect(copyText('x', document, undefined)).rejects.toThrow('This window does not let the pane use the clipboard');
  });
});

describe('the type a workbook download is offered as', () => {
  it('is macro-enabled for an .xlsm copy, whose report keeps its macros, and .xlsx otherwise', () => {
    expect(workbookMime('budget (report).xlsm')).toBe(XLSM_MIME);
    expect(workbookMime('budget (report).XLSM')).toBe(XLSM_MIME);
    expect(workbookMime('budget (report).xlsx')).toBe(XLSX_MIME);
  });
});
