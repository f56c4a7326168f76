import { readFileSync } from 'node:fs';

/** The parts of V8's `.cpuprofile` read here. */
interface Profile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

/**
 * Where a process's samples fell: by function (`name file:line`), by owner of its code, and inclusive
 * for our own functions. Samples are counted, not timed: V8 stamps each with the wall-clock gap since
 * the last, and a process waiting for a core (2 cores, many processes) shows gaps of tens of ms;
 * a sample is taken only while the thread runs, so counts follow CPU time.
 */
export interface Samples {
  total: number;
  selfByFunction: Map<string, number>;
  selfByOwner: Map<string, number>;
  /** Samples inside each of our functions or anything they called; recursion counted once. */
  inclusiveByOwnFunction: Map<string, number>;
}

const IDLE = new Set(['(idle)', '(program)', '(root)']);

/** Counts a profile's samples, leaving idle ones (between the bench's rounds, say) out. */
export function readSamples(file: string, root: string): Samples {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map(profile.nodes.flatMap((node) => (node.children ?? []).map((child) => [child, node.id] as const)));
  const counts: Samples = { total: 0, selfByFunction: new Map(), selfByOwner: new Map(), inclusiveByOwnFunction: new Map() };
  for (const id of profile.samples) {
    const frame = nodes.get(id)!.callFrame;
    if (IDLE.has(frame.functionName)) continue;
    counts.total++;
    count(counts.selfByFunction, functionKey(frame, root));
    count(counts.selfByOwner, ownerOf(frame, root));
    const own = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parents.get(node)) {
      const caller = nodes.get(node)!.callFrame;
      if (isOwn(caller.url, root)) own.add(functionKey(caller, root));
    }
    for (const key of own) count(counts.inclusiveByOwnFunction, key);
  }
  return counts;
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function functionKey({ functionName, url, lineNumber }: CallFrame, root: string): string {
  if (!url) return functionName;
  // tsx's output of our files is one line: only a package's line number says something.
  const line = lineNumber > 0 ? `:${lineNumber + 1}` : '';
  return `${functionName || '(anonymous)'} ${shortPath(url, root)}${line}`;
}

/** Whose code it is: a package, one of our files, a part of Node, or V8 itself (`(garbage collector)`). */
function ownerOf({ functionName, url }: CallFrame, root: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).replace(/^internal\//, '').split('/')[0]}`;
  const inPackage = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return inPackage ? inPackage[1]! : shortPath(url, root);
}

function isOwn(url: string, root: string): boolean {
  return url.startsWith(`file://${root}`) && !url.includes('/node_modules/');
}

function shortPath(url: string, root: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inPackage = path.lastIndexOf('/node_modules/');
  if (inPackage >= 0) return path.slice(inPackage + '/node_modules/'.length);
  return path.startsWith(root) ? path.slice(root.length) : path;
}
