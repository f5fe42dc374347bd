/** How each severity and RAG status is named and coloured on a finding's card: always in words, never by colour alone. */
import type { RagStatus, Severity } from '../../../checks/finding';

export const SEVERITY_BADGE: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = { error: 'danger', warning: 'warning', info: 'informative' };

export const STATUS_BADGE: Readonly<Record<RagStatus, 'danger' | 'warning' | 'success'>> = { red: 'danger', amber: 'warning', green: 'success' };
