import type { Response } from 'express';

/** The POS's error body: `{ errors: [{ code, detail }] }`. */
export function sendPosError(res: Response, status: number, code: string, detail: string): void {
  res.status(status).json({ errors: [{ code, detail }] });
}
