/** The sample lines of a Prometheus text exposition whose metric names start with `prefix`. */
export function samples(text: string, prefix: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(prefix));
}
