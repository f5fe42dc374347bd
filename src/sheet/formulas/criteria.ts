/**
 * Criteria as SUMIF, COUNTIFS and the rest of the *IF(S) family read them in Excel: "North" matches
 * north in any case, "N*" and "?orth" are wildcards over the whole text (~* a literal star), ">=1000"
 * and "<>0" compare numbers with numbers and text with text, "" matches blank cells, "<>" cells that
 * are not blank, and a number matches that number. Both libraries get case or wildcards wrong here.
 */
import FormulaParser from 'fast-formula-parser';
import { excelCompare } from './excel-compare';

type Criterion = (value: unknown) => boolean;

const OPERATOR = /^(<>|>=|<=|=|>|<)?([\s\S]*)$/;

function wildcard(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '~' && (pattern[i + 1] === '*' || pattern[i + 1] === '?')) source += `\\${pattern[++i]}`;
    else if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'i');
}

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';

/** What the text after an operator stands for: a number, a logical, or text. */
function operand(text: string): number | boolean | string {
  if (text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
  return text;
}

function comparison(operator: string, text: string): Criterion {
  if (text === '') return operator === '<>' ? (v) => !isBlank(v) : (v) => isBlank(v);
  const wanted = operand(text);
  if (typeof wanted === 'string' && /[*?]/.test(wanted) && (operator === '=' || operator === '<>')) {
    const re = wildcard(wanted);
    return operator === '=' ? (v) => typeof v === 'string' && re.test(v) : (v) => !(typeof v === 'string' && re.test(v));
  }
  // Only like compares with like: ">5" never matches text, "<>5" matches everything but 5.
  return (v) => (typeof v === typeof wanted ? excelCompare(v, operator, wanted) : operator === '<>');
}

/** Criteria as text: an error as its code (#N/A), a range's values joined by commas (as String writes an array). */
function criteriaText(criteria: unknown): string {
  if (criteria === null || criteria === undefined) return '';
  if (typeof criteria === 'string' || typeof criteria === 'number' || typeof criteria === 'boolean') return String(criteria);
  if (criteria instanceof FormulaParser.FormulaError) return criteria.error;
  return Array.isArray(criteria) ? criteria.map(criteriaText).join(',') : '';
}

export function criterion(criteria: unknown): Criterion {
  if (typeof criteria === 'number' || typeof criteria === 'boolean') return (v) => v === criteria;
  if (criteria === null || criteria === undefined) return isBlank;
  const [, operator, text] = OPERATOR.exec(criteriaText(criteria)) ?? [];
  return comparison(operator ?? '=', text ?? '');
}
