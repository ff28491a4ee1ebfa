import { onFirstUse } from './on-first-use';

/** The service counts characters as text elements (grapheme clusters), not UTF-16 units. */

const segmenter = onFirstUse(() => new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/** Below U+0300 nothing joins into a cluster except CR LF, so most text skips the slow segmenter. */
const SIMPLE_TEXT = /^[^\u0300-\uffff]*$/;

/** Counts up to `stopAfter`, so an oversized request costs no more than the limit to reject. */
export function countTextElements(text: string, stopAfter = Infinity): number {
  if (SIMPLE_TEXT.test(text)) return text.length - (text.match(/\r\n/g)?.length ?? 0);
  let count = 0;
  for (const _segment of segmenter().segment(text)) {
    count += 1;
    if (count > stopAfter) break;
  }
  return count;
}

export function firstTextElements(text: string, limit: number): string {
  let end = 0;
  let count = 0;
  for (const { index, segment } of segmenter().segment(text)) {
    if (count === limit) break;
    end = index + segment.length;
    count += 1;
  }
  return text.slice(0, end);
}
