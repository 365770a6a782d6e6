// The one catalogue of the product's errors: `errors.<name>(params)` builds a DomainError with its words in
// Vietnamese and English (domain/error-catalogue/, by area). Commands throw these; the edges map each kind.
import { accessErrors } from './error-catalogue/access.ts';
import { inputErrors } from './error-catalogue/input.ts';
import { missingErrors } from './error-catalogue/missing.ts';
import { operationsErrors } from './error-catalogue/operations.ts';
import { serverErrors } from './error-catalogue/server.ts';

export {
  DomainError,
  errorBody,
  errorLines,
  fieldIssue,
  type ErrorBody,
  type ErrorKind,
  type FieldIssue,
  type Reason,
} from './domain-error.ts';
export { reasons, type ReasonName } from './error-catalogue/reasons.ts';
export type { Thing } from './error-catalogue/missing.ts';

export const errors = { ...inputErrors, ...accessErrors, ...missingErrors, ...operationsErrors, ...serverErrors };

export type ErrorName = keyof typeof errors;
