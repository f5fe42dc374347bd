/**
 * Validates a package against the 360Giving schemas that ship with the product (./schema), offline.
 * The package schema refers to the grant schema by its 1.4.2 URL and the grant schema calls itself
 * 1.4.3, so the grant schema is registered under both: Ajv then never needs to fetch anything.
 * The schemas name their meta-schema by its http URL; Ajv knows draft 2020-12 by the https one, so
 * they are given that name here (the same draft; the files themselves stay verbatim).
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import grantSchema from './schema/360-giving-schema.json';
import packageSchema from './schema/360-giving-package-schema.json';

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
const GRANT_SCHEMA_1_4_2 = 'https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json';

type Giving360Validation = { readonly valid: true } | { readonly valid: false; readonly path: string; readonly message: string };

let compiled: ValidateFunction | undefined;

function packageValidator(): ValidateFunction {
  if (compiled) return compiled;
  // Unknown keywords stay errors; the standard's oneOf branches legitimately leave "type" and the
  // required properties' definitions to the parent schema, so those two strict checks are off.
  const ajv = new Ajv2020({ strictSchema: true, strictNumbers: true, strictTypes: false, strictRequired: false, allErrors: false });
  addFormats(ajv);
  // The standard's own annotations, not validation keywords.
  ajv.addVocabulary(['codelist', 'openCodelist', 'rollUp']);
  ajv.addSchema({ ...grantSchema, $schema: DRAFT_2020_12 });
  ajv.addSchema({ ...grantSchema, $schema: DRAFT_2020_12, $id: GRANT_SCHEMA_1_4_2 });
  compiled = ajv.compile({ ...packageSchema, $schema: DRAFT_2020_12 });
  return compiled;
}

/** Valid, or the first error: its JSON pointer into the package ("/grants/3/amountAwarded") and Ajv's message. */
export function validateGiving360Package(pkg: unknown): Giving360Validation {
  const validate = packageValidator();
  if (validate(pkg)) return { valid: true };
  const first: ErrorObject | undefined = validate.errors?.[0];
  return { valid: false, path: first?.instancePath || '/', message: first?.message ?? 'does not match the schema' };
}
