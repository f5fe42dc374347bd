/** What a proposed model holds, as terms and details: the organisation, years, each list (its first names) and the figures. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import { PLACEHOLDER_ORGANISATION } from '../../model/propose-placeholder';
import type { CommissioningModel, NamedEntry } from '../../model/types';
import { plural } from '../format';

/** Names of a list shown before the rest are counted. */
const NAMES_SHOWN = 6;

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0 },
});

export function ProposalFacts({ model }: { readonly model: CommissioningModel }) {
  const styles = useStyles();
  const placeholder = model.organisation.name === PLACEHOLDER_ORGANISATION.name;
  const areaFigures = model.priorityAreas.reduce((n, a) => n + a.figures.length, 0);
  const facts: [string, string][] = [
    ['Organisation', placeholder ? 'None given: a placeholder to edit' : model.organisation.name],
    ['Years', model.years.join(', ') || 'none found'],
    [`Priority areas (${model.priorityAreas.length})`, names(model.priorityAreas)],
    [`Funding streams (${model.fundingStreams.length})`, names(model.fundingStreams)],
    [`Programmes (${model.programmes.length})`, names(model.programmes)],
    [`Boroughs (${model.boroughs.length})`, shown(model.boroughs.map((b) => b.name))],
    [`Commissioning models (${model.commissioningModels.length})`, names(model.commissioningModels)],
    ['Figures', `${plural(model.totals.length, 'yearly total')}, ${plural(areaFigures, 'priority-area figure')}`],
  ];
  return (
    <dl className={styles.facts}>
      {facts.map(([term, detail]) => (
        <Fragment key={term}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function names(entries: readonly NamedEntry[]): string {
  return shown(entries.map((e) => `${e.name} (${e.code})`));
}

function shown(list: readonly string[]): string {
  if (list.length === 0) return 'none';
  const rest = list.length - NAMES_SHOWN;
  return `${list.slice(0, NAMES_SHOWN).join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`;
}
