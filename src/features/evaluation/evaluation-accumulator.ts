import { NameOrder } from '../../lib/name-order';
import type { LabelMode } from '../../service/model';
import { byName, ClassTally, f1Score, ratio } from './class-metrics';
import {
  addCount,
  DEFAULT_CLASSES_SHOWN,
  foldCounts,
  type MatrixEntry,
  type SparseCounts,
} from './count-matrix';
import type { Evaluation } from './evaluate';
import { goldClasses, isEvaluated, type EvaluationItem } from './evaluation-item';
import { foldClasses } from './fold-classes';
import { noClassName } from './no-class-name';
import { keptClasses } from './threshold';

/** A confidence one of the counted documents has (multi label: one per class). */
interface ConfidenceMark {
  confidence: number;
  item: EvaluationItem;
}

/** The first mark with a confidence of at least `value` (marks ascending). */
function firstAtLeast(marks: readonly ConfidenceMark[], value: number): number {
  let low = 0;
  let high = marks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((marks[middle]?.confidence ?? Infinity) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The confusion cells of `items` at `threshold` (single label), for a cell's document ids. */
function* confusionEntries(
  items: readonly EvaluationItem[],
  threshold: number,
): Generator<MatrixEntry> {
  for (const item of items) {
    if (isEvaluated(item)) yield { id: item.id, ...singleCell(item, threshold) };
  }
}

/** Where a single-label item falls at `threshold`: its gold label, and the class kept (or none). */
function singleCell(item: EvaluationItem, threshold: number) {
  const [label = ''] = goldClasses(item, 'single');
  const [predicted] = keptClasses(item.predicted, 'single', threshold);
  return { row: label, column: predicted ?? null };
}

/**
 * The evaluation at one threshold, kept up to date as results arrive: each update counts only the
 * items it has not counted (and takes back those gone or replaced), so a run's evaluation costs
 * work in proportion to its new results, and the matrix is built from the cells that hold
 * documents, never classes × classes. Items are told apart by identity: pass the same object for
 * an unchanged document (a correction makes a new one). Agrees with `evaluate` on the same items.
 */
export class EvaluationAccumulator {
  private update_ = 0;
  /** Each counted item, with the update that last saw it. */
  private readonly placed = new Map<EvaluationItem, number>();
  private readonly tally = new ClassTally();
  private readonly confusion: SparseCounts = new Map();
  private evaluated = 0;
  private kept = 0;
  private correct = 0;
  private exactMatches = 0;
  private wrongDecisions = 0;
  private readonly keptCounts = { tp: 0, fp: 0, fn: 0 };
  /** Every counted confidence, ascending, for threshold moves; undefined when items changed. */
  private byConfidence: ConfidenceMark[] | undefined;
  private threshold_: number;

  /**
   * @param order class names in order, learnt as they come; pass the same one to the accumulator of
   *   the next threshold so 10,000 classes are not sorted again.
   */
  constructor(
    readonly labelMode: LabelMode,
    threshold: number,
    private readonly order = new NameOrder(byName),
  ) {
    this.threshold_ = threshold;
  }

  get threshold(): number {
    return this.threshold_;
  }

  /**
   * Moves the threshold, counting again only the documents whose kept classes it changes: those
   * with a confidence in [lower, higher) of the two thresholds. Counting 10,000 documents afresh
   * for each step of the slider was one long task per step.
   */
  moveTo(threshold: number): void {
    if (threshold === this.threshold_) return;
    const low = Math.min(threshold, this.threshold_);
    const high = Math.max(threshold, this.threshold_);
    const marks = this.confidenceMarks();
    const moved = new Set<EvaluationItem>();
    for (let index = firstAtLeast(marks, low); index < marks.length; index += 1) {
      const mark = marks[index];
      if (!mark || mark.confidence >= high) break;
      moved.add(mark.item);
    }
    for (const item of moved) this.count(item, -1);
    this.threshold_ = threshold;
    for (const item of moved) this.count(item, 1);
  }

  /** The counted documents' confidences (single label: the top class's), ascending. */
  private confidenceMarks(): ConfidenceMark[] {
    if (this.byConfidence) return this.byConfidence;
    const marks: ConfidenceMark[] = [];
    for (const item of this.placed.keys()) {
      const scores = this.labelMode === 'single' ? item.predicted.slice(0, 1) : item.predicted;
      for (const { confidence } of scores) marks.push({ confidence, item });
    }
    this.byConfidence = marks.sort((a, b) => a.confidence - b.confidence);
    return marks;
  }

  /** Brings the counts to `items`: new ones added, missing ones taken back. */
  update(items: readonly EvaluationItem[]): void {
    const now = ++this.update_;
    for (const item of items) {
      const counted = this.placed.has(item);
      this.placed.set(item, now);
      if (!counted) {
        this.count(item, 1);
        this.byConfidence = undefined;
      }
    }
    if (this.placed.size === items.length) return;
    for (const [item, seen] of this.placed) {
      if (seen === now) continue;
      this.count(item, -1);
      this.placed.delete(item);
      this.byConfidence = undefined;
    }
  }

  /** Adds (`sign` 1) or takes back (-1) one item's counts. */
  private count(item: EvaluationItem, sign: 1 | -1): void {
    if (!isEvaluated(item)) return;
    this.evaluated += sign;
    if (this.labelMode === 'single') this.countSingle(item, sign);
    else this.countMulti(item, sign);
  }

  private countSingle(item: EvaluationItem, sign: 1 | -1): void {
    const { row: label, column: predicted } = singleCell(item, this.threshold_);
    addCount(this.confusion, label, predicted, sign);
    if (predicted === null) {
      this.tally.add(label, 'fn', sign);
    } else {
      this.kept += sign;
      if (predicted === label) {
        this.correct += sign;
        this.tally.add(label, 'tp', sign);
      } else {
        this.tally.add(label, 'fn', sign);
        this.tally.add(predicted, 'fp', sign);
      }
    }
  }

  private countMulti(item: EvaluationItem, sign: 1 | -1): void {
    const gold = new Set(goldClasses(item, 'multi'));
    const predicted = keptClasses(item.predicted, 'multi', this.threshold_);
    let tp = 0;
    for (const category of predicted) {
      const hit = gold.has(category);
      if (hit) tp += 1;
      this.tally.add(category, hit ? 'tp' : 'fp', sign);
    }
    const predictedSet = new Set(predicted);
    for (const category of gold)
      if (!predictedSet.has(category)) this.tally.add(category, 'fn', sign);
    const fp = predicted.length - tp;
    const fn = gold.size - tp;
    this.wrongDecisions += sign * (fp + fn);
    if (fp === 0 && fn === 0) this.exactMatches += sign;
    if (predicted.length > 0) {
      this.kept += sign;
      this.keptCounts.tp += sign * tp;
      this.keptCounts.fp += sign * fp;
      this.keptCounts.fn += sign * fn;
    }
  }

  /** The figures as they stand, the tables folded to the `classesShown` most frequent classes. */
  snapshot(classesShown = DEFAULT_CLASSES_SHOWN): Evaluation {
    const { evaluated, kept } = this;
    const table = this.tally.table(evaluated, this.order);
    const folded = foldClasses(table.classes, classesShown, this.order.compare);
    if (this.labelMode === 'multi') {
      return {
        mode: 'multi',
        evaluated,
        kept,
        coverage: ratio(kept, evaluated),
        exactMatches: this.exactMatches,
        exactMatch: ratio(this.exactMatches, evaluated),
        wrongDecisions: this.wrongDecisions,
        hammingLoss: ratio(this.wrongDecisions, evaluated * table.classes.length),
        keptMicroF1: f1Score(this.keptCounts.tp, this.keptCounts.fp, this.keptCounts.fn),
        ...table,
        folded,
      };
    }
    const counted = [...this.placed.keys()];
    const threshold = this.threshold_;
    return {
      mode: 'single',
      evaluated,
      kept,
      correct: this.correct,
      accuracy: ratio(this.correct, evaluated),
      keptAccuracy: ratio(this.correct, kept),
      coverage: ratio(kept, evaluated),
      ...table,
      folded,
      // A cell's ids are worked out when asked for (a click), from the documents this snapshot
      // counted: the accumulator may since have counted others (a deferred render and an urgent
      // one each keep a snapshot of their own).
      confusion: foldCounts(this.confusion, () => confusionEntries(counted, threshold), {
        noClassName: noClassName(threshold),
        // Every class is a column, so each label has its diagonal cell even when never predicted.
        columnsInclude: table.classes.map((row) => row.category),
        limit: classesShown,
        compare: this.order.compare,
      }),
    };
  }
}
