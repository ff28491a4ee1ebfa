/**
 * The detail chart's height for a number of classes: the panel keeps this room while the chart
 * library loads, so opening a row scrolls to where the chart will be, not above it.
 */
export function documentChartHeight(classCount: number): number {
  return Math.max(90, classCount * 40 + 40);
}
