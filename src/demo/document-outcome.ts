import '../lib/zod-config';
import { z } from 'zod';

/** One classified document as the simulated service stores it and a job GET returns it. */

const classConfidenceSchema = z.object({ category: z.string(), confidenceScore: z.number() });
const warningSchema = z.object({ code: z.string(), message: z.string() });

/** Only what a job GET needs is kept: the texts themselves would not fit in localStorage. */
export const documentOutcomeSchema = z.object({
  id: z.string(),
  characters: z.number(),
  classes: z.array(classConfidenceSchema),
  warnings: z.array(warningSchema),
  /** The inner error of a document the service could not classify. */
  error: warningSchema.optional(),
  /** Versions that detect languages, for a document sent with `language: "auto"`. */
  detectedLanguage: z
    .object({ name: z.string(), iso6391Name: z.string(), confidenceScore: z.number() })
    .optional(),
});
export type DocumentOutcome = z.infer<typeof documentOutcomeSchema>;
