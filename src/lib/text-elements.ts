const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Counts characters the way the service does: as text elements (grapheme clusters). */
export function countTextElements(text: string): number {
  let count = 0;
  // Iterating the segments avoids building an array for 125,000-character inputs.
  for (const _ of graphemes.segment(text)) count++;
  return count;
}
