import { formatConfidence, formatCount } from '../../lib/format';

/** Every share in the evaluation has one decimal, like a confidence: 0.7647 → "76.5%". */
export const formatPercent = formatConfidence;

/** "1 document", "12 documents". */
export function documentsCount(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'document' : 'documents'}`;
}
