import type { SubgraphEndpoint } from '../../gateway/supergraph.js';

/** An HTTP answer: its status, its body parsed (the raw text when it is not JSON), and that raw text. */
export type Answer = { status: number; body: unknown; text: string };

export type Operation = { query: string; variables?: Record<string, unknown>; operationName?: string };

/** What both gateways were asked, over which subgraphs: all an allowance may look at besides the answers. */
export interface Exchange {
  subgraphs: SubgraphEndpoint[];
  /** The request headers both got, as sent. */
  headers: Record<string, string>;
}

export async function post(url: string, operation: Operation, headers: Record<string, string>): Promise<Answer> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(operation) };
  const response = await fetch(url, init);
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text), text };
  } catch {
    return { status: response.status, body: text, text };
  }
}

/** Where the answers differ: a JSON path into `{ status, body }`, and each side's value there (undefined: absent). */
export type Difference = { path: string; ours: unknown; theirs: unknown };

export interface Comparison {
  ours: Answer;
  theirs: Answer;
  /** What no allowed difference explains: a differential test expects none. */
  unexplained: Difference[];
  /** The allowed differences that applied, with their reasons. */
  allowed: { name: string; reason: string }[];
  /** Whether the bodies are the same bytes (informative only: key order may differ harmlessly). */
  sameBytes: boolean;
}

/**
 * Recognises one exact situation and rewrites our answer into what plain said in it (`null`: not
 * this situation). Whatever still differs after every rewrite is unexplained.
 */
export interface AllowedDifference {
  name: string;
  reason: string;
  reconcile(ours: Answer, theirs: Answer, exchange: Exchange): Answer | null;
}

export function compareAnswers(ours: Answer, theirs: Answer, exchange: Exchange, allowances: AllowedDifference[]): Comparison {
  let reconciled = ours;
  const allowed: Comparison['allowed'] = [];
  for (const { name, reason, reconcile } of allowances) {
    const rewritten = reconcile(reconciled, theirs, exchange);
    if (!rewritten) continue;
    reconciled = rewritten;
    allowed.push({ name, reason });
  }
  const unexplained = differences({ status: reconciled.status, body: reconciled.body }, { status: theirs.status, body: theirs.body });
  return { ours, theirs, unexplained, allowed, sameBytes: ours.text === theirs.text };
}

/** Every leaf where two JSON values differ; object key order is irrelevant, array order is not. */
export function differences(ours: unknown, theirs: unknown, path = '$'): Difference[] {
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    return Array.from({ length: Math.max(ours.length, theirs.length) }, (_, i) => differences(ours[i], theirs[i], `${path}[${i}]`)).flat();
  }
  if (isObject(ours) && isObject(theirs)) {
    const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].sort();
    return keys.flatMap((key) => differences(ours[key], theirs[key], `${path}.${key}`));
  }
  return ours === theirs ? [] : [{ path, ours, theirs }];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is an object with exactly these keys. */
export function hasKeys(value: unknown, keys: string[]): value is Record<string, unknown> {
  return isObject(value) && Object.keys(value).sort().join() === [...keys].sort().join();
}

export function errorsOf(body: unknown): unknown[] {
  return isObject(body) && Array.isArray(body.errors) ? body.errors : [];
}
