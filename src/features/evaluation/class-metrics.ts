import type { NameOrder } from '../../lib/name-order';
import { onFirstUse } from '../../lib/on-first-use';
/** Division where 0 / 0 (no documents, a class never predicted or never labelled) counts as 0. */
export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/** F1 from counts: 2TP / (2TP + FP + FN), the harmonic mean of precision and recall; 0 when all are 0. */
export function f1Score(tp: number, fp: number, fn: number): number {
  return ratio(2 * tp, 2 * tp + fp + fn);
}

interface ClassCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ClassMetrics extends ClassCounts {
  category: string;
  /** Documents that do not have this class in either the labels or the prediction. */
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  /** How many documents are labelled with this class (TP + FN). */
  support: number;
}

export interface Averages {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** The classes beyond the shown ones, summed: micro precision, recall and F1 over them. */
export interface OtherClasses {
  /** How many classes are summed here. */
  classes: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface FoldedClasses {
  /** The most frequent classes, by name. */
  shown: ClassMetrics[];
  other?: OtherClasses;
}

export interface ClassTable {
  /** Every class, by name. */
  classes: ClassMetrics[];
  /** What the per-class table lists: the most frequent classes, the rest summed (fold-classes.ts). */
  folded?: FoldedClasses;
  /** From the counts summed over classes. */
  micro: Averages;
  /** The plain mean of each class's precision, recall and F1 (not F1 of the mean P and R). */
  macro: Averages;
}

/** Class names in order. One collator for every sort: localeCompare makes one per call. */
const collator = onFirstUse(() => new Intl.Collator());
export const byName = (a: string, b: string): number => collator().compare(a, b);

/** A tally of TP/FP/FN per class, filled in as documents are read. */
export class ClassTally {
  private readonly counts = new Map<string, ClassCounts>();

  private of(category: string): ClassCounts {
    let counts = this.counts.get(category);
    if (!counts) {
      counts = { tp: 0, fp: 0, fn: 0 };
      this.counts.set(category, counts);
    }
    return counts;
  }

  /** Counts a document (`delta` -1 takes one back; a class left with no count is dropped). */
  add(category: string, outcome: keyof ClassCounts, delta = 1): void {
    const counts = this.of(category);
    counts[outcome] += delta;
    if (counts.tp === 0 && counts.fp === 0 && counts.fn === 0) this.counts.delete(category);
  }

  /** Adds another tally's counts to this one. */
  merge(other: ClassTally): void {
    for (const [category, counts] of other.counts) {
      const mine = this.of(category);
      mine.tp += counts.tp;
      mine.fp += counts.fp;
      mine.fn += counts.fn;
    }
  }

  /**
   * The per-class table over `documents` documents. Its classes are those that appear in the labels
   * or in the predictions kept after the threshold (a class only below the threshold is not listed).
   * An accumulator passes its learnt `order` (lib/name-order.ts): the collator's order, cheaper.
   */
  table(documents: number, order?: NameOrder): ClassTable {
    const row = (category: string, { tp, fp, fn }: ClassCounts): ClassMetrics => ({
      category,
      tp,
      fp,
      fn,
      tn: documents - tp - fp - fn,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
      f1: f1Score(tp, fp, fn),
      support: tp + fn,
    });
    const classes: ClassMetrics[] = [];
    if (order) {
      // The learnt names are already in order: read the counted ones off them, no sort.
      order.learn(this.counts.keys());
      for (const category of order.names) {
        const counts = this.counts.get(category);
        if (counts) classes.push(row(category, counts));
      }
    } else {
      for (const [category, counts] of this.counts) classes.push(row(category, counts));
      classes.sort((a, b) => byName(a.category, b.category));
    }
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let precision = 0;
    let recall = 0;
    let f1 = 0;
    for (const row of classes) {
      tp += row.tp;
      fp += row.fp;
      fn += row.fn;
      precision += row.precision;
      recall += row.recall;
      f1 += row.f1;
    }
    const support = tp + fn;
    return {
      classes,
      micro: {
        precision: ratio(tp, tp + fp),
        recall: ratio(tp, tp + fn),
        f1: f1Score(tp, fp, fn),
        support,
      },
      macro: {
        precision: ratio(precision, classes.length),
        recall: ratio(recall, classes.length),
        f1: ratio(f1, classes.length),
        support,
      },
    };
  }
}
