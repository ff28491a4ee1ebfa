/** The no-class bucket is "Below threshold" once a threshold is set, else the service gave no class. */
export function noClassName(threshold: number): string {
  return threshold > 0 ? 'Below threshold' : 'No class';
}
