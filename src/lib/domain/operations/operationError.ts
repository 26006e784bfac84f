// AWS-style errors raised inside operations; the pipeline turns them into the record's response.
// Invariant: code and message use AWS's wording for the service; httpStatus is AWS's status code.
import type { ApiError } from '../pipeline/types';

/** Thrown only inside `plan`/`run` and caught by the pipeline, never stored. */
export class OperationError extends Error {
  readonly error: ApiError;
  constructor(code: string, message: string, httpStatus: number) {
    super(message);
    this.error = { code, message, httpStatus };
  }
}

export function fail(code: string, message: string, httpStatus = 400): never {
  throw new OperationError(code, message, httpStatus);
}

// IAM: common errors (IAM API Reference, "Common Errors" and each action's Errors section).
export const iamErrors = {
  noSuchEntity: (message: string): never => fail('NoSuchEntity', message, 404),
  alreadyExists: (message: string): never => fail('EntityAlreadyExists', message, 409),
  deleteConflict: (message: string): never => fail('DeleteConflict', message, 409),
  limitExceeded: (message: string): never => fail('LimitExceeded', message, 409),
  validation: (message: string): never => fail('ValidationError', message, 400),
  malformedPolicy: (message: string): never => fail('MalformedPolicyDocument', message, 400),
  invalidInput: (message: string): never => fail('InvalidInput', message, 400),
};
