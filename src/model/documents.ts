/** The documents a model's figures come from, as findings cite them. */
import type { CommissioningModel, SourceNote } from './types';

/** A source note as a finding cites it: the document's title where the model gives one, else its own name; then where in it. */
export function citeSource(model: CommissioningModel, source: Pick<SourceNote, 'document' | 'locator'>): string {
  const title = model.documents?.find((d) => d.document === source.document)?.title;
  return `${title ?? source.document}, ${source.locator}`;
}
