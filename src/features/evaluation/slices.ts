import type { LabelMode } from '../../service/model';
import { ClassTally, ratio } from './class-metrics';
import { goldClasses, isEvaluated, type EvaluationItem } from './evaluation-item';
import { keptClasses, sameClasses } from './threshold';
import { wilsonInterval, type Interval } from './statistics/wilson';

/** The figures of one group of evaluated documents. */
interface SliceFigures {
  /** Evaluated documents (a label and a result). */
  documents: number;
  /** Single label: kept class is the label. Multi label: kept classes are exactly the labels. */
  correct: number;
  /** correct / documents: accuracy, or exact match for multi label. */
  accuracy: number;
  /** The 95% Wilson interval of `accuracy`. */
  interval: Interval;
  /** Mean F1 over the classes in this slice's labels or kept predictions. */
  macroF1: number;
  /** Documents that keep a class / documents. */
  coverage: number;
}

export interface SliceRow extends SliceFigures {
  /** The value; `null` for documents without one. */
  value: string | null;
  /** The whole interval lies below the overall figure. */
  below: boolean;
}

interface SliceTable {
  name: string;
  overall: SliceFigures;
  /** The most frequent values, most documents first. */
  rows: SliceRow[];
  /** The other values together, when there are more than the limit. */
  other?: SliceRow & { values: number };
}

/** Slices shown at most; the rest are summed into one row, as the confusion matrix does. */
const SLICES_SHOWN = 50;

/** The names documents can be sliced by: every field some document has, in name order. */
export function sliceNames(
  fields: Iterable<Readonly<Record<string, string>> | undefined>,
): string[] {
  const names = new Set<string>();
  for (const record of fields) if (record) for (const name of Object.keys(record)) names.add(name);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** A running tally for one group, turned into figures at the end. */
class SliceTally {
  documents = 0;
  correct = 0;
  kept = 0;
  readonly classes = new ClassTally();

  add(item: EvaluationItem, labelMode: LabelMode, threshold: number): void {
    const gold = goldClasses(item, labelMode);
    const kept = keptClasses(item.predicted, labelMode, threshold);
    this.documents += 1;
    if (kept.length > 0) this.kept += 1;
    if (sameClasses(kept, gold)) this.correct += 1;
    const goldSet = new Set(gold);
    const keptSet = new Set(kept);
    for (const category of keptSet) this.classes.add(category, goldSet.has(category) ? 'tp' : 'fp');
    for (const category of goldSet) if (!keptSet.has(category)) this.classes.add(category, 'fn');
  }

  merge(other: SliceTally): void {
    this.documents += other.documents;
    this.correct += other.correct;
    this.kept += other.kept;
    this.classes.merge(other.classes);
  }

  figures(): SliceFigures {
    return {
      documents: this.documents,
      correct: this.correct,
      accuracy: ratio(this.correct, this.documents),
      // A slice has at least one document, so its interval is always there.
      interval: wilsonInterval(this.correct, this.documents) ?? { low: 0, high: 1 },
      macroF1: this.classes.table(this.documents).macro.f1,
      coverage: ratio(this.kept, this.documents),
    };
  }
}

/**
 * The evaluated documents grouped by the value `valueOf` gives them (`undefined`: none), each
 * group with its accuracy (exact match for multi label) and Wilson interval, macro F1 and
 * coverage. A group whose interval lies wholly below the overall accuracy is `below` the rest.
 * At most `limit` values are listed, most documents first; the others are summed into `other`.
 */
export function sliceTable(
  name: string,
  items: readonly EvaluationItem[],
  labelMode: LabelMode,
  threshold: number,
  valueOf: (item: EvaluationItem) => string | undefined,
  limit = SLICES_SHOWN,
): SliceTable {
  const all = new SliceTally();
  const groups = new Map<string | null, SliceTally>();
  for (const item of items) {
    if (!isEvaluated(item)) continue;
    const value = valueOf(item) ?? null;
    let group = groups.get(value);
    if (!group) {
      group = new SliceTally();
      groups.set(value, group);
    }
    group.add(item, labelMode, threshold);
    all.add(item, labelMode, threshold);
  }
  const overall = all.figures();
  const row = (value: string | null, tally: SliceTally): SliceRow => {
    const figures = tally.figures();
    return { value, ...figures, below: figures.interval.high < overall.accuracy };
  };
  const ordered = [...groups].sort(
    ([a, left], [b, right]) =>
      right.documents - left.documents ||
      // "(none)" after the values, then by name.
      (a === null ? 1 : b === null ? -1 : a.localeCompare(b)),
  );
  const rows = ordered.slice(0, limit).map(([value, tally]) => row(value, tally));
  const rest = ordered.slice(limit);
  if (rest.length === 0) return { name, overall, rows };
  const other = new SliceTally();
  for (const [, tally] of rest) other.merge(tally);
  return { name, overall, rows, other: { ...row(null, other), values: rest.length } };
}
