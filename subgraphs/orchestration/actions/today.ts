/** Today's UTC calendar day, `YYYY-MM-DD`: read inside a workflow step only, never in workflow code. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
