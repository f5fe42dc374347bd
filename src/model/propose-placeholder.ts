/**
 * The organisation a proposed model names until the user names theirs. Apart from model/propose.ts so
 * that the pane can recognise it without loading the proposing engine, which runs in the worker.
 */
import type { Organisation } from './types';

export const PLACEHOLDER_ORGANISATION: Organisation = {
  name: 'Your organisation (edit this name)',
  shortName: 'Your organisation',
  orgId: 'GB-TBC-EDITME',
};
