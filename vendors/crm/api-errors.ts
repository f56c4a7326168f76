import type { Response } from 'express';
import type { ApiError } from './records.js';

/** Answers an error the way Salesforce does: a JSON array of `{ errorCode, message, fields? }`. */
export function fail(res: Response, status: number, ...errors: ApiError[]): void {
  res.status(status).json(errors);
}

export function notFound(res: Response, what: string): void {
  fail(res, 404, { errorCode: 'NOT_FOUND', message: `The requested resource does not exist: ${what}` });
}
