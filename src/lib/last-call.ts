/**
 * `compute` remembering its last two calls (arguments compared by identity) and their answers.
 * React discards the memos of a render it interrupts, and a filling run's evaluation is rendered
 * in a deferred render that new results interrupt many times: with `useMemo`, a 10,000-document
 * curve was worked out again after every interruption. Two, because a deferred value alternates:
 * urgent renders read the shown (old) value, the deferred render the new one.
 */
export function lastCall<Args extends readonly unknown[], Answer>(
  compute: (...args: Args) => Answer,
): (...args: Args) => Answer {
  const remembered: { args: Args; answer: Answer }[] = [];
  return (...args) => {
    const hit = remembered.find(
      (call) => call.args.length === args.length && args.every((arg, i) => arg === call.args[i]),
    );
    if (hit) return hit.answer;
    const answer = compute(...args);
    remembered.unshift({ args, answer });
    remembered.length = Math.min(remembered.length, 2);
    return answer;
  };
}

/**
 * The value last given while each new one reads the same (`same`), else the new one: a list that
 * is rebuilt on every update keeps its identity, so memos and memoised components downstream hold.
 * Kept outside React's state, for the reason above: no render is spent to remember it.
 */
export function keptWhileSame<T>(same: (kept: T, value: T) => boolean): (value: T) => T {
  let kept: { value: T } | undefined;
  return (value) => {
    if (!kept || !same(kept.value, value)) kept = { value };
    return kept.value;
  };
}
