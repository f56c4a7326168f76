import { readdirSync, readFileSync } from 'node:fs';

/** A process's `/proc/<pid>/stat` fields after its name: state, ppid, … (utime is index 11). */
function statFields(pid: number): string[] {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
}

/** Clock ticks (100 a second) as microseconds. */
const micros = (...ticks: string[]) => ticks.reduce((total, tick) => total + Number(tick), 0) * 10_000;

/** User + system CPU a process has spent so far, in microseconds (Linux `/proc`, 100 ticks a second). */
export function cpuMicros(pid: number): number {
  const fields = statFields(pid);
  return micros(fields[11]!, fields[12]!);
}

/**
 * CPU a process and all its children have spent so far: its own, its ended children's (reaped, so
 * added to its own count), and each living child's. The difference of two readings is exact, however
 * many children started and ended in between (a server forking a process per connection).
 */
export function processTreeCpuMicros(pid: number): number {
  const fields = statFields(pid);
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((child) => {
      try {
        return Number(statFields(child)[1]) === pid;
      } catch {
        return false; // ended while we looked
      }
    });
  return micros(fields[11]!, fields[12]!, fields[13]!, fields[14]!) + children.reduce((total, child) => total + cpuMicrosOrZero(child), 0);
}

/** The parent of a process (PostgreSQL's postmaster, for one of its backends). */
export function parentPid(pid: number): number {
  return Number(statFields(pid)[1]);
}

function cpuMicrosOrZero(pid: number): number {
  try {
    return cpuMicros(pid);
  } catch {
    return 0;
  }
}

/** CPU the whole machine has spent so far, every process and the kernel: all of `/proc/stat`'s time but idle and I/O wait. */
export function machineCpuMicros(): number {
  const [, user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/);
  return micros(user!, nice!, system!, irq!, softirq!, steal!);
}

/** The most resident memory a process has had so far (`VmHWM`), in MB. */
export function peakRssMb(pid: number): number {
  const line = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(line?.[1] ?? 0) / 1024);
}
