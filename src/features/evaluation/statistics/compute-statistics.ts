import type { LabelMode } from '../../../service/model';
import {
  bootstrapMetrics,
  encodeEvaluation,
  pairedDifferenceInterval,
  type BootstrapIntervals,
} from './bootstrap';
import { calibration, type Calibration } from './calibration';
import { decodeItems, type EncodedItems } from './encode-items';
import { likelyLabelErrors, type LikelyLabelError } from './label-errors';
import { precisionByThreshold, type PrecisionAtThreshold } from './precision-target';
import { BOOTSTRAP_SEED } from './seeded-random';
import type { Interval } from './wilson';

interface StatisticsRequest {
  items: EncodedItems;
  labelMode: LabelMode;
  threshold: number;
  /** Paired outcomes with a compared run (paired-outcomes.ts), for the difference's interval. */
  paired?: Uint8Array;
  seed?: number;
}

/** A likely label error with its document's index in the items sent. */
type IndexedLabelError = Omit<LikelyLabelError, 'id'> & { index: number };

export interface Statistics {
  threshold: number;
  bootstrap: BootstrapIntervals;
  calibration: Calibration;
  labelErrors: IndexedLabelError[];
  precision: PrecisionAtThreshold[];
  /** Accuracy of this run − the compared run's, paired bootstrap; when `paired` was sent. */
  difference?: Interval | undefined;
}

/** The figures that resample or sweep every document: what the statistics worker computes. */
export function computeStatistics(request: StatisticsRequest): Statistics {
  const { labelMode, threshold, paired, seed = BOOTSTRAP_SEED } = request;
  const items = decodeItems(request.items);
  return {
    threshold,
    bootstrap: bootstrapMetrics(encodeEvaluation(items, labelMode, threshold), { seed }),
    calibration: calibration(items, labelMode),
    labelErrors: likelyLabelErrors(items, labelMode).map(({ id, ...error }) => ({
      ...error,
      index: Number(id),
    })),
    precision: precisionByThreshold(items, labelMode),
    ...(paired && { difference: pairedDifferenceInterval(paired, { seed }) }),
  };
}
