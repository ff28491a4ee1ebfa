import '../lib/zod-config';
import { z } from 'zod';

/**
 * The project file `:export` gives and `:import` takes (authoring-contract.md A.2). Every object is
 * loose: whatever the service wrote that this app does not know (settings, preview fields) goes
 * back exactly as it came, since `:import` replaces the whole project.
 */

const categorySchema = z.looseObject({ category: z.string() });

const projectDocumentSchema = z.looseObject({
  location: z.string().optional(),
  language: z.string().optional(),
  dataset: z.string().optional(),
  /** Single label. */
  class: categorySchema.optional(),
  /** Multi label. */
  classes: z.array(categorySchema).optional(),
});

export type ProjectDocument = z.infer<typeof projectDocumentSchema>;

export const projectFileSchema = z.looseObject({
  projectFileVersion: z.string(),
  stringIndexType: z.string(),
  metadata: z.looseObject({
    projectKind: z.string(),
    storageInputContainerName: z.string(),
    projectName: z.string(),
    language: z.string(),
    multilingual: z.boolean().optional(),
  }),
  assets: z
    .looseObject({
      projectKind: z.string(),
      classes: z.array(categorySchema).optional(),
      documents: z.array(projectDocumentSchema).optional(),
    })
    .optional(),
});

export type ProjectFile = z.infer<typeof projectFileSchema>;
