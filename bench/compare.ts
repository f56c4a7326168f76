import { median } from './figures.js';
import { measure, type Request, type Sample } from './load.js';
import { peakRssMb } from './proc.js';
import { inAlternatingRounds, warmUp } from './rounds.js';
import type { Target } from './targets.js';

/** A target's figures for one page: the median of its rounds, and its process's memory peak so far. */
export interface Row extends Sample {
  target: string;
  /** The lowest and highest CPU per request of its rounds: how far to trust the median. */
  cpuRangeMicros: [number, number];
  peakRssMb: number;
}

/** A target in its running process, and what it is asked for this page. */
export interface Contender {
  target: Target;
  /** The row's name when one target answers several rows; the target's otherwise. */
  name?: string;
  pid: number;
  request: Request;
}

/** Every contender warmed up, then measured in alternating rounds; each figure is the median of its rounds. */
export async function compare(contenders: Contender[]): Promise<Row[]> {
  await warmUp(contenders.map((contender) => contender.request));
  const samples = new Map<Contender, Sample[]>(contenders.map((contender) => [contender, []]));
  await inAlternatingRounds(contenders, async (contender) => {
    samples.get(contender)!.push(await measure(contender.request, contender.pid));
  });
  return contenders.map((contender) => {
    const rounds = samples.get(contender)!;
    const cpu = rounds.map((sample) => sample.cpuMicrosPerRequest);
    return {
      target: contender.name ?? contender.target.name,
      ...medianOf(rounds),
      cpuRangeMicros: [Math.min(...cpu), Math.max(...cpu)],
      peakRssMb: peakRssMb(contender.pid),
    };
  });
}

function medianOf(samples: Sample[]): Sample {
  const middle = (pick: (sample: Sample) => number) => median(samples.map(pick));
  return {
    requestsPerSecond: middle((s) => s.requestsPerSecond),
    p50: middle((s) => s.p50),
    p99: middle((s) => s.p99),
    cpuMicrosPerRequest: middle((s) => s.cpuMicrosPerRequest),
    kilobytesPerAnswer: middle((s) => s.kilobytesPerAnswer),
    requests: samples.reduce((sum, s) => sum + s.requests, 0),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
  };
}
