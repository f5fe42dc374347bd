/**
 * Getting a file out of the pane: a download where the page can save one, and the clipboard where it
 * cannot.
 *
 * Excel for Mac (and for iPad) runs the pane in a WKWebView that ignores `<a download>` on a blob URL:
 * the click does nothing and reports nothing. Microsoft closed this as by design and points at a
 * WebKit bug (https://github.com/OfficeDev/office-js/issues/2700, /3662, /3385; WebKit bug 174076).
 * Their workaround, Office.context.ui.openBrowserWindow (https://learn.microsoft.com/en-us/javascript/api/office/office.ui#office-office-ui-openbrowserwindow-member(1)),
 * opens the system browser on a URL the add-in owns: a blob URL made in the pane does not exist there
 * (office-js#3848), so it cannot carry a file the pane made in memory. The pane therefore offers the
 * clipboard instead, first wherever a download cannot work.
 */

/** Offers bytes or text as a file download from the page (a temporary link, clicked and removed). */
export function downloadFile(fileName: string, data: Uint8Array | string, mimeType: string): void {
  const part: BlobPart = typeof data === 'string' ? data : data.slice().buffer;
  const url = URL.createObjectURL(new Blob([part], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** What downloadsWork reads of office.js: the platform Office reports once ready. */
interface OfficePlatformSource {
  readonly context?: { readonly platform?: unknown } | undefined;
}

/**
 * False where a download from the page is known not to arrive: the pane inside Office on a Mac or an
 * iPad (WKWebView), or a browser whose links have no `download` attribute.
 */
export function downloadsWork(
  office: OfficePlatformSource | undefined = typeof Office === 'undefined' ? undefined : Office,
  doc: Pick<Document, 'createElement'> | undefined = typeof document === 'undefined' ? undefined : document,
): boolean {
  let platform: string | undefined;
  try {
    const reported = office?.context?.platform;
    // Office.PlatformType's members are strings ("Mac", "iOS", "PC"...).
    platform = typeof reported === 'string' ? reported : undefined;
  } catch {
    platform = undefined;
  }
  // Office.PlatformType.Mac is "Mac" and Office.PlatformType.iOS is "iOS".
  if (platform === 'Mac' || platform === 'iOS') return false;
  if (!doc) return false;
  return 'download' in doc.createElement('a');
}

/**
 * Puts text on the clipboard: the Clipboard API where the page may use it, else a hidden text area
 * selected and copied with document.execCommand('copy') (older web views, or a clipboard permission
 * refused). Call it from the click itself: both need the user's gesture. Throws when neither works.
 */
export async function copyText(
  text: string,
  doc: Document = document,
  clipboard: Pick<Clipboard, 'writeText'> | undefined = navigator.clipboard,
): Promise<void> {
  if (clipboard && typeof clipboard.writeText === 'function') {
    try {
      await clipboard.writeText(text);
      return;
    } catch {
      // Refused (no permission, or the document lost focus): try the older way below.
    }
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.left = '-9999px';
  const focused = doc.activeElement as HTMLElement | null;
  doc.body.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    area.remove();
    // Keyboard users stay where they were (on the Copy button).
    focused?.focus?.();
  }
  if (!copied) throw new Error('This window does not let the pane use the clipboard');
}
