import type { LabelMode } from '../service/model';

/** A deterministic stand-in for a trained model: keyword vocabularies plus a hash for variation. */

interface ClassConfidence {
  category: string;
  confidenceScore: number;
}

export const MULTI_LABEL_THRESHOLD = 0.5;

const keywords = (list: string) => list.split(/,\s*/);

/** Stems of four letters or more also match longer words ("charg" → "charged", "charges"). */
const VOCABULARIES: Record<string, readonly string[]> = {
  Billing: keywords(
    'bill, billing, charg, overcharg, refund, invoic, payment, pay, paid, price, pricing, fee, fees, subscription, receipt, transaction, money, cost, discount, credit card, duplicate',
  ),
  TechnicalIssue: keywords(
    'crash, error, bug, bugs, broken, freez, froze, glitch, install, reinstall, upload, download, load, loading, slow, timeout, exception, stuck, blank, not working, app, server, fails, failed, update',
  ),
  Account: keywords(
    'account, password, login, log in, sign in, username, email, reset, locked, verification, verify, two-factor, profile, credential, forgot, get back into',
  ),
  Shipping: keywords(
    'ship, shipping, shipped, shipment, parcel, package, deliver, tracking, track, courier, warehouse, arriv, dispatch, postal, order, lost in transit',
  ),
  Feedback: keywords(
    'great, love, fantastic, awesome, amazing, excellent, thank, suggest, feature request, improve, wish, disappoint, terrible, happy, great job, team',
  ),
  Comedy: keywords(
    'comedy, comed, comic, hilari, funny, laugh, joke, clums, caper, silly, witty, slapstick, prank, goofy, absurd, misadventure',
  ),
  Drama: keywords(
    'drama, dies, died, death, grief, griev, famil, father, mother, hometown, struggl, loss, tragic, traged, secret, illness, divorc, betray, estrang, funeral, left behind',
  ),
  Action: keywords(
    'action, chase, fight, explosi, explod, thief, thiev, heist, car chase, mission, agent, battle, escape, rescue, kidnap, assassin, shootout, gun, detective',
  ),
  Romance: keywords(
    'romance, romantic, love, fall in love, kiss, wedding, couple, passion, affair, crush, marry, bride, heart',
  ),
  SciFi: keywords(
    'astronaut, spaceship, starship, ship, planet, alien, galaxy, space, cryosleep, robot, android, future, time travel, black hole, orbit, laser, mars, colony',
  ),
  Horror: keywords(
    'horror, hunt, monster, ghost, haunt, blood, terror, scream, creature, demon, killer, nightmare, curse, possess, zombie, something is',
  ),
};

const REPEAT_WEIGHT = 0.25;
const MAX_WEIGHT_PER_KEYWORD = 1.5;
const PHRASE_WEIGHT = 1.5;

function tokensOf(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{M}]+|\p{N}+/gu) ?? []
  );
}

/**
 * Another trained model of the same project: extra words per class (what it learned differently)
 * and its own noise, so two deployments of one project disagree on some documents.
 */
export interface ModelVariant {
  /** Seeds the variant's noise. */
  id: string;
  extraVocabulary?: Readonly<Record<string, string>>;
  /** How much the noise weighs against the evidence; 1 is the default model's. */
  noiseScale?: number;
}

/** A class the demo has no vocabulary for is recognised by the words of its own name. */
function vocabularyOf(category: string, variant: ModelVariant | undefined): readonly string[] {
  const base =
    VOCABULARIES[category] ??
    tokensOf(category.replace(/([a-z])([A-Z])/g, '$1 $2')).filter((word) => word.length >= 3);
  const extra = variant?.extraVocabulary?.[category];
  return extra ? [...base, ...keywords(extra)] : base;
}

function keywordWeight(keyword: string, tokens: string[], joined: string): number {
  if (keyword.includes(' ') || keyword.includes('-')) {
    return joined.includes(` ${tokensOf(keyword).join(' ')} `) ? PHRASE_WEIGHT : 0;
  }
  const hits = tokens.filter((token) =>
    keyword.length >= 4 ? token.startsWith(keyword) : token === keyword,
  ).length;
  return hits === 0 ? 0 : Math.min(MAX_WEIGHT_PER_KEYWORD, 1 + (hits - 1) * REPEAT_WEIGHT);
}

function evidenceFor(
  category: string,
  tokens: string[],
  joined: string,
  variant: ModelVariant | undefined,
): number {
  return vocabularyOf(category, variant).reduce(
    (sum, keyword) => sum + keywordWeight(keyword, tokens, joined),
    0,
  );
}

/** FNV-1a, mapped to [0, 1): the same text and class always get the same small variation. */
function stableNoise(text: string, category: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${category}\u241f${text}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

/** Every class with its confidence, highest first: softmax for single-label, independent for multi. */
export function scoreClasses(
  classes: readonly string[],
  text: string,
  labelMode: LabelMode,
  variant?: ModelVariant,
): ClassConfidence[] {
  const tokens = tokensOf(text);
  const joined = ` ${tokens.join(' ')} `;
  const scale = variant?.noiseScale ?? 1;
  const evidence = classes.map((category) => ({
    category,
    evidence: evidenceFor(category, tokens, joined, variant),
    noise: (stableNoise(text, variant ? `${category}\u241f${variant.id}` : category) - 0.5) * scale,
  }));
  if (labelMode === 'multi') {
    return evidence
      .map(({ category, evidence: value, noise }) => ({
        category,
        confidenceScore: round(Math.min(0.99, sigmoid(1.6 * value - 1.3) + noise * 0.08)),
      }))
      .sort((a, b) => b.confidenceScore - a.confidenceScore);
  }
  const weights = evidence.map(({ evidence: value, noise }) => Math.exp(0.7 * value + noise * 0.3));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return evidence
    .map(({ category }, index) => ({
      category,
      confidenceScore: round(Math.min(0.99, (weights[index] ?? 0) / total)),
    }))
    .sort((a, b) => b.confidenceScore - a.confidenceScore);
}

/** What the service predicts: the best class (single-label), or every class above the threshold. */
export function classify(
  classes: readonly string[],
  text: string,
  labelMode: LabelMode,
  variant?: ModelVariant,
): ClassConfidence[] {
  const scores = scoreClasses(classes, text, labelMode, variant);
  if (labelMode === 'single') return scores.slice(0, 1);
  return scores.filter((score) => score.confidenceScore > MULTI_LABEL_THRESHOLD);
}
