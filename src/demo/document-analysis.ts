import type { LabelMode } from '../service/model';
import { classify, type ModelVariant } from './classifier';
import { detectLanguage } from './language-detection';
import type { DocumentOutcome } from './document-outcome';
import { memoryKey } from './training';
import { countTextElements, firstTextElements } from '../lib/text-elements';

/** What the service makes of one document: its classes, warnings, or a per-document error. */

const MAX_DOCUMENT_TEXT_ELEMENTS = 5_120;
const MAX_WORD_LENGTH = 64;

/** `classes` is undefined when the job's model could not be found: nothing is classified. */
export function analyseDocument(
  document: { id: string; text: string; language?: string | undefined },
  classes: readonly string[] | undefined,
  labelMode: LabelMode,
  variant?: ModelVariant,
  options: {
    detectsLanguage: boolean;
    /** A trained model's documents (normalised text → labels): it predicts what it was taught. */
    memory?: ReadonlyMap<string, readonly string[]> | undefined;
  } = { detectsLanguage: false },
): DocumentOutcome {
  const characters = countTextElements(document.text);
  if (!document.text.trim()) {
    return {
      id: document.id,
      characters,
      classes: [],
      warnings: [],
      error: { code: 'InvalidDocument', message: 'Document text is empty.' },
    };
  }
  const warnings: DocumentOutcome['warnings'] = [];
  let text = document.text;
  if (characters > MAX_DOCUMENT_TEXT_ELEMENTS) {
    text = firstTextElements(text, MAX_DOCUMENT_TEXT_ELEMENTS);
    warnings.push({
      code: 'DocumentTruncated',
      message: `Document is too large and has been truncated to ${MAX_DOCUMENT_TEXT_ELEMENTS} characters. Only the first ${MAX_DOCUMENT_TEXT_ELEMENTS} characters were used for classification.`,
    });
  }
  if (text.split(/\s+/).some((word) => word.length > MAX_WORD_LENGTH)) {
    warnings.push({
      code: 'LongWordsInDocument',
      message:
        'The document contains very long words (longer than 64 characters). These words will be truncated and may result in unreliable model predictions.',
    });
  }
  // Only documents that asked for detection are told their language, as the contract reads.
  const detects = options.detectsLanguage && document.language?.toLowerCase() === 'auto';
  const remembered = options.memory?.get(memoryKey(document.text));
  const predicted = remembered
    ? remembered.map((category) => ({
        category,
        confidenceScore: labelMode === 'single' ? 0.97 : 0.95,
      }))
    : classes
      ? classify(classes, text, labelMode, variant)
      : [];
  return {
    id: document.id,
    characters,
    classes: classes ? predicted.slice(0, labelMode === 'single' ? 1 : undefined) : [],
    warnings,
    ...(detects ? { detectedLanguage: detectLanguage(text) } : {}),
  };
}
