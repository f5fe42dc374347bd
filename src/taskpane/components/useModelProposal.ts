/**
 * "Create a model from this workbook": the organisation name typed, the proposal the engine made (for
 * the workbook it describes), and the ways to keep it as model.json (download or clipboard).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { saveModelJson } from '../../model/json';
import type { ModelProposal } from '../../model/propose';
import { copyText } from '../host/download';
import { useWorkbench } from '../workbench';

export const PROPOSAL_FILE_NAME = 'model.json';

export interface ModelProposalState {
  readonly organisation: string;
  /** The proposal for the workbook open now, if one was made for it. */
  readonly proposal: ModelProposal | null;
  /** The result's heading, which takes focus when a proposal arrives. */
  readonly resultHeading: RefObject<HTMLHeadingElement>;
  setOrganisation: (organisation: string) => void;
  create: () => Promise<void>;
  download: () => void;
  copy: () => Promise<void>;
}

export function useModelProposal(): ModelProposalState {
  const workbench = useWorkbench().from('proposal');
  const { host, workbook } = workbench;
  const [organisation, setOrganisation] = useState('');
  /** The proposal, and the workbook it describes (as the host names it). */
  const [made, setMade] = useState<{ readonly proposal: ModelProposal; readonly label: string | null } | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // A proposal describes the workbook it came from: once another is open, it is not offered for that one.
  const proposal = made && (workbook === null || made.label === workbook.label) ? made.proposal : null;
  // Take keyboard and screen-reader users to what was found, as a sighted user's eye goes to it.
  useEffect(() => {
    if (proposal) resultHeading.current?.focus();
  }, [proposal]);

  const create = async () => {
    const name = organisation.trim();
    const result = await workbench.ask('Creating a model from this workbook', 'proposeModel', name ? { organisation: name } : {});
    if (result) setMade({ proposal: result, label: host.workbookLabel() });
  };

  const download = () => {
    if (!proposal) return;
    host.download(PROPOSAL_FILE_NAME, saveModelJson(proposal.model), 'application/json');
    workbench.showNotice(
      host.canDownload()
        ? `Downloaded ${PROPOSAL_FILE_NAME}: edit it, then choose it with "Use a model file", or check with commissioning check --model ${PROPOSAL_FILE_NAME}.`
        : `Offered ${PROPOSAL_FILE_NAME} as a download, but Excel for Mac and iPad do not save downloads from the pane: use "Copy ${PROPOSAL_FILE_NAME} to clipboard", or insert it as the Model sheet.`,
    );
  };

  const copy = async () => {
    if (!proposal) return;
    try {
      await copyText(saveModelJson(proposal.model));
      workbench.showNotice(`Copied the proposed model as JSON to the clipboard: paste it into a text editor and save it as ${PROPOSAL_FILE_NAME}.`);
    } catch (caught) {
      workbench.showNotice(
        `Could not copy the proposed model to the clipboard (${caught instanceof Error ? caught.message : String(caught)}): insert it as the Model sheet instead.`,
      );
    }
  };

  return { organisation, proposal, resultHeading, setOrganisation, create, download, copy };
}
