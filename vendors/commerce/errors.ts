import type { ErrorRequestHandler, Response } from 'express';

/** An error the platform answers in its own JSON shape: `{ statusCode, message, errors: [{ code, message }] }`. */
export class PlatformError extends Error {
  constructor(
    readonly status: number,
    readonly code: 'InvalidInput' | 'InvalidOperation' | 'ResourceNotFound' | 'ConcurrentModification' | 'DuplicateField',
    message: string,
  ) {
    super(message);
  }
}

export const invalidInput = (message: string) => new PlatformError(400, 'InvalidInput', message);

export function resourceNotFound(kind: string, field: string, value: string): PlatformError {
  return new PlatformError(404, 'ResourceNotFound', `The ${kind} with ${field} '${value}' was not found.`);
}

export function sendPlatformError(res: Response, error: PlatformError): void {
  res.status(error.status).json({ statusCode: error.status, message: error.message, errors: [{ code: error.code, message: error.message }] });
}

/** Turns thrown PlatformErrors into the platform's error body; anything else falls through to the kit. */
export const answerPlatformErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (error instanceof PlatformError) sendPlatformError(res, error);
  else next(error);
};
