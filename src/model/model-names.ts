/** The model's names indexed for fast lookup: what checks and rollups resolve cell text against. */
import { buildNameIndex, type NameIndex } from './names';
import type { Borough, CommissioningModel, FundComponent, FundingStream, NamedEntry, PriorityArea, Programme } from './types';

/** A programme or fund, or one of its stated components, as a name the checker can resolve. */
export interface ProgrammeName {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly code?: string;
  readonly programme: Programme;
  readonly component?: FundComponent;
}

export interface ModelNames {
  readonly priorityAreas: NameIndex<PriorityArea>;
  readonly fundingStreams: NameIndex<FundingStream>;
  readonly programmes: NameIndex<ProgrammeName>;
  readonly boroughs: NameIndex<Borough>;
  readonly commissioningModels: NameIndex<NamedEntry>;
}

function programmeNames(model: CommissioningModel): ProgrammeName[] {
  const names: ProgrammeName[] = [];
  for (const programme of model.programmes) {
    names.push({ name: programme.name, aliases: programme.aliases, code: programme.code, programme });
  }
  // Components come after programmes so that a name shared by both resolves to the programme.
  for (const programme of model.programmes) {
    const seen = new Set<string>();
    for (const figure of programme.figures) {
      for (const component of figure.components) {
        if (seen.has(component.name)) continue;
        seen.add(component.name);
        names.push({ name: component.name, aliases: component.aliases, programme, component });
      }
    }
  }
  return names;
}

export function buildModelNames(model: CommissioningModel): ModelNames {
  return {
    priorityAreas: buildNameIndex(model.priorityAreas),
    fundingStreams: buildNameIndex(model.fundingStreams),
    programmes: buildNameIndex(programmeNames(model)),
    boroughs: buildNameIndex(model.boroughs),
    commissioningModels: buildNameIndex(model.commissioningModels),
  };
}

/** "Tackling Violence Against Women and Girls (VAWG)" resolves as "Tackling Violence Against Women and Girls" too. */
export function withoutParenthetical(text: string): string {
  return text.replace(/\s*\([^)]*\)\s*$/, '').trim();
}

export function resolvePriorityArea(names: ModelNames, text: string): PriorityArea | undefined {
  return names.priorityAreas.resolve(text) ?? names.priorityAreas.resolve(withoutParenthetical(text));
}
