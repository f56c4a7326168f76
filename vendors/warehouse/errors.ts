import type { Response } from 'express';

/** The ERP's error body, in the style of SAP Gateway: `{ error: { code, message: { lang, value } } }`. */
export function sendSapError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message: { lang: 'en', value: message } } });
}
