import type { Response } from 'express';

/** The WMS's error body: `{ error, message }` with a machine-readable `error`. */
export function sendError(res: Response, status: number, error: string, message: string): void {
  res.status(status).json({ error, message });
}

export function sendBadRequest(res: Response, message: string): void {
  sendError(res, 400, 'invalid_request', message);
}

/** A comma-separated query parameter as a list (`?facility=A,B`). */
export function listParam(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : [];
}
