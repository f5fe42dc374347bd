/**
 * The 360Giving export's form (prefix, funder id, format) and the last export, with the ways to take
 * it away: a download where the host allows one, the clipboard everywhere.
 */
import { useState } from 'react';
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

export function useGiving360Export(): Giving360Export {
  const workbench = useWorkbench();
  const { host } = workbench;
  const [prefix, setPrefix] = useState('');
  const [funderId, setFunderId] = useState('');
  const [format, setFormat] = useState<ExportFormat>('json');
  const [exported, setExported] = useState<Giving360Result | null>(null);
  const canDownload = host.canDownload();

  const exportGrants = async () => {
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

  return { prefix, funderId, format, exported, canDownload, setPrefix, setFunderId, setFormat, exportGrants, copyExport, downloadExport };
}
