/**
 * The simulated service's language detection, for the preview versions that report
 * `detectedLanguage`: the language whose common words a text uses most. Enough to tell the demo's
 * English, Spanish, French, German, Italian and Portuguese texts apart, and no more.
 */

interface WireDetectedLanguage {
  name: string;
  iso6391Name: string;
  confidenceScore: number;
}

const COMMON_WORDS: Record<string, { name: string; words: readonly string[] }> = {
  en: {
    name: 'English',
    words: ['the', 'and', 'is', 'my', 'to', 'of', 'it', 'was', 'with', 'for', 'i', 'in', 'on'],
  },
  es: {
    name: 'Spanish',
    words: ['el', 'la', 'los', 'las', 'de', 'que', 'y', 'es', 'mi', 'por', 'con', 'una', 'no'],
  },
  fr: {
    name: 'French',
    words: ['le', 'la', 'les', 'de', 'et', 'est', 'mon', 'ma', 'une', 'pour', 'avec', 'je', 'pas'],
  },
  de: {
    name: 'German',
    words: ['der', 'die', 'das', 'und', 'ist', 'mein', 'nicht', 'mit', 'ich', 'ein', 'eine', 'zu'],
  },
  it: {
    name: 'Italian',
    words: ['il', 'lo', 'gli', 'di', 'che', 'è', 'e', 'mio', 'per', 'con', 'una', 'non', 'sono'],
  },
  pt: {
    name: 'Portuguese',
    words: ['o', 'os', 'as', 'de', 'que', 'e', 'é', 'meu', 'minha', 'para', 'com', 'uma', 'não'],
  },
};

/** What the service says of a text in no language it knows. */
export const UNKNOWN_LANGUAGE: WireDetectedLanguage = {
  name: '(Unknown)',
  iso6391Name: '(Unknown)',
  confidenceScore: 0,
};

/** The language of `text`, with the share of its counted words that were that language's. */
export function detectLanguage(text: string): WireDetectedLanguage {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: { code: string; hits: number } | undefined;
  let counted = 0;
  for (const [code, { words: common }] of Object.entries(COMMON_WORDS)) {
    const hits = words.filter((word) => common.includes(word)).length;
    counted += hits;
    if (hits > 0 && (!best || hits > best.hits)) best = { code, hits };
  }
  const language = best && COMMON_WORDS[best.code];
  if (!best || !language) return UNKNOWN_LANGUAGE;
  return {
    name: language.name,
    iso6391Name: best.code,
    confidenceScore: Math.round((best.hits / counted) * 100) / 100,
  };
}
