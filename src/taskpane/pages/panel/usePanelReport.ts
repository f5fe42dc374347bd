/** The panel report as last prepared, and the tables the author has left out of it. */
import { useState } from 'react';
import type { PanelView } from '../../engine/protocol';
import { useWorkbench } from '../../workbench';

export interface PanelReport {
  readonly panel: PanelView | null;
  /** Names of the tables left out. */
  readonly excluded: ReadonlySet<string>;
  /** How many tables the report will hold. */
  readonly chosen: number;
  prepare: () => Promise<void>;
  include: (name: string, included: boolean) => void;
}

export function usePanelReport(): PanelReport {
  const workbench = useWorkbench().from('panel');
  const [panel, setPanel] = useState<PanelView | null>(null);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());

  const prepare = async () => {
    const view = await workbench.ask('Preparing the panel report', 'panel', {});
    if (view) {
      setPanel(view);
      setExcluded(new Set());
    }
  };

  const include = (name: string, included: boolean) => {
    const next = new Set(excluded);
    if (included) next.delete(name);
    else next.add(name);
    setExcluded(next);
  };

  return { panel, excluded, chosen: panel ? panel.tables.length - excluded.size : 0, prepare, include };
}
