/**
 * The 360Giving export's form (prefix, funder id, format) and the last export, with the ways to take
 * it away: a download where the host allows one, the clipboard everywhere.
 */
import { useRef, useState, type RefObject } from 'react';
import { checkPrefix } from '../../../reports/giving360/identifiers';
import type { Giving360Result } from '../../engine/protocol';
import { plural } from '../../format';
import { copyText } from '../../host/download';
import { useWorkbench } from '../../workbench';

export type ExportFormat = 'json' | 'csv';

export interface Giving360Export {
  readonly prefix: string;
  readonly funderId: string;
  readonly format: ExportFormat;
  readonly exported: Giving360Result | null;
  /** False in Excel for Mac and iPad, which ignore downloads from the pane: there the export is prepared, then copied. */
  readonly canDownload: boolean;
  /** What is wrong with the prefix, shown under it; null while it is fine or not yet checked. */
  readonly prefixProblem: string | null;
  readonly prefixInput: RefObject<HTMLInputElement>;
  /** Checks the prefix as typed (on leaving the field): a problem shows under it at once. */
  checkPrefix: () => void;
  setPrefix: (prefix: string) => void;
  setFunderId: (funderId: string) => void;
  setFormat: (format: ExportFormat) => void;
  exportGrants: () => Promise<void>;
  copyExport: () => Promise<void>;
  downloadExport: () => void;
}

/** "JSON" or "CSV": how the export is written, in words for a notice. */
function exportKind(exported: Giving360Result): string {
  return /json/i.test(exported.mimeType) ? 'JSON' : 'CSV';
}

/** The prefix's problem in the engine's own words (the export would refuse it), or null when it can be used. */
function prefixProblemOf(prefix: string): string | null {
  if (prefix.trim() === '') return "Enter your organisation's 360Giving prefix, such as 360G-mopac.";
  const checked = checkPrefix(prefix);
  return 'problem' in checked ? checked.problem : null;
}

/** The prefix as typed, and its problem: shown on leaving the field or pressing the button, gone as soon as it is fixed. */
function usePrefix() {
  const [prefix, setPrefixState] = useState('');
  const [prefixProblem, setPrefixProblem] = useState<string | null>(null);
  const prefixInput = useRef<HTMLInputElement>(null);
  const setPrefix = (next: string) => {
    setPrefixState(next);
    if (prefixProblem !== null) setPrefixProblem(prefixProblemOf(next));
  };
  const checkPrefix = () => {
    if (prefix.trim() !== '') setPrefixProblem(prefixProblemOf(prefix));
  };
  /** Before exporting: true when the prefix can be used; otherwise its problem shows and the field takes the focus. */
  const prefixUsable = (): boolean => {
    const problem = prefixProblemOf(prefix);
    setPrefixProblem(problem);
    if (problem) prefixInput.current?.focus();
    return problem === null;
  };
  return { prefix, prefixProblem, prefixInput, setPrefix, checkPrefix, prefixUsable };
}

export function useGiving360Export(): Giving360Export {
  const workbench = useWorkbench().from('giving360');
  const { host } = workbench;
  const { prefixUsable, ...typed } = usePrefix();
  const { prefix } = typed;
  const [funderId, setFunderId] = useState('');
  const [format, setFormat] = useState<ExportFormat>('json');
  const [exported, setExported] = useState<Giving360Result | null>(null);
  const canDownload = host.canDownload();

  const exportGrants = async () => {
    if (!prefixUsable()) return;
    const args = { prefix: prefix.trim(), format, today: new Date(), ...(funderId.trim() ? { funderId: funderId.trim() } : {}) };
    const result = await workbench.ask('Exporting to 360Giving', 'giving360', args);
    if (!result) return;
    if (canDownload) host.download(result.fileName, result.text, result.mimeType);
    setExported(result);
  };

  const copyExport = async () => {
    if (!exported) return;
    const kind = exportKind(exported);
    try {
      await copyText(exported.text);
      workbench.showNotice(
        `Copied ${plural(exported.grants, 'grant')} as ${kind} to the clipboard: paste them into a text editor and save the file as ${exported.fileName}.`,
      );
    } catch (caught) {
      const reason = caught instanceof Error ? caught.message : String(caught);
      workbench.showNotice(
        `Could not copy the 360Giving export to the clipboard (${reason}).${canDownload ? ' Use "Download" instead.' : ' Open this page in a web browser to download it.'}`,
      );
    }
  };

  const downloadExport = () => {
    if (!exported) return;
    host.download(exported.fileName, exported.text, exported.mimeType);
    workbench.showNotice(
      canDownload
        ? `Downloaded ${exported.fileName}: ${plural(exported.grants, 'grant')} as ${exportKind(exported)}.`
        : `Offered ${exported.fileName} as a download, but Excel for Mac and iPad do not save downloads from the pane: use "Copy to clipboard" instead.`,
    );
  };

  return {
    ...typed,
    funderId,
    format,
    exported,
    canDownload,
    setFunderId,
    setFormat,
    exportGrants,
    copyExport,
    downloadExport,
  };
}
