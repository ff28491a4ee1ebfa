import '../lib/zod-config';
import { z } from 'zod';

/**
 * The project file (`ExportedProject`, authoring contract A.2) as `:import` takes it and `:export`
 * gives it, for classification projects. Validation is as strict as the service's documented
 * limits, so a client that passes here builds files the real service accepts.
 */

export const CLASSIFICATION_KINDS = [
  'CustomSingleLabelClassification',
  'CustomMultiLabelClassification',
] as const;
export type ClassificationKind = (typeof CLASSIFICATION_KINDS)[number];

export const isClassificationKind = (kind: string): kind is ClassificationKind =>
  CLASSIFICATION_KINDS.some((known) => known === kind);

export const MAX_CLASSES = 200;
export const MAX_DOCUMENT_CHARACTERS = 128_000;
export const MAX_DOCUMENTS = 100_000;

/** UNCONFIRMED whether the service reads the docs' lower camel case (`customSingleLabel…`): both are taken. */
const projectKind = z.string().transform((kind) => kind.charAt(0).toUpperCase() + kind.slice(1));

const category = z.object({ category: z.string().min(1) });

/** `Train`/`Test`, the documented spelling; any case is read. */
const dataset = z
  .string()
  .transform((value) => value.toLowerCase())
  .pipe(z.enum(['train', 'test']))
  .transform((value) => (value === 'train' ? ('Train' as const) : ('Test' as const)));

const documentSchema = z.object({
  location: z.string().min(1),
  language: z.string().min(1).optional(),
  dataset: dataset.optional(),
  class: category.optional(),
  classes: z.array(category).optional(),
});

export const projectMetadataSchema = z.object({
  projectKind,
  storageInputContainerName: z.string().min(1),
  projectName: z.string().min(1),
  language: z.string().min(1),
  settings: z.record(z.string(), z.unknown()).optional(),
  multilingual: z.boolean().optional(),
  description: z.string().optional(),
});

export const exportedProjectSchema = z.object({
  projectFileVersion: z.string().min(1),
  stringIndexType: z.literal('Utf16CodeUnit'),
  metadata: projectMetadataSchema,
  assets: z
    .object({
      projectKind,
      classes: z.array(category).optional(),
      documents: z.array(documentSchema).optional(),
    })
    .optional(),
});

/** One document of a project, with the text read from its blob. */
export interface ProjectDocument {
  location: string;
  language?: string | undefined;
  dataset?: 'Train' | 'Test' | undefined;
  labels: string[];
}

export interface ProjectContent {
  /** A classification kind when imported; an exported project may be of another kind. */
  metadata: z.infer<typeof projectMetadataSchema>;
  classes: string[];
  documents: ProjectDocument[];
}

const PROJECT_NAME = /^[A-Za-z0-9_.-]{1,50}$/;

export const isValidProjectName = (name: string) => PROJECT_NAME.test(name);

/** The reason a file cannot be imported into `projectName` (a 400's message), or its content. */
export function readProjectFile(
  body: unknown,
  projectName: string,
): { content: ProjectContent } | { problem: string; target?: string } {
  const parsed = exportedProjectSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('/') ?? '';
    return {
      problem: `The project file is invalid at '${path}': ${issue?.message ?? 'unreadable'}.`,
      target: `#/${path}`,
    };
  }
  const { metadata, assets } = parsed.data;
  const kind = metadata.projectKind;
  if (!isClassificationKind(kind)) {
    return {
      problem: `The project kind '${kind}' cannot be imported here: this resource's simulated service takes CustomSingleLabelClassification and CustomMultiLabelClassification projects.`,
      target: '#/metadata/projectKind',
    };
  }
  if (metadata.projectName !== projectName) {
    return {
      problem: `The project name in the file, '${metadata.projectName}', does not match the project '${projectName}' in the request URL.`,
      target: '#/metadata/projectName',
    };
  }
  if (assets && assets.projectKind !== kind) {
    return {
      problem: `The assets are of kind '${assets.projectKind}' but the project is of kind '${kind}'.`,
      target: '#/assets/projectKind',
    };
  }
  const classes = (assets?.classes ?? []).map((item) => item.category);
  if (classes.length > MAX_CLASSES) {
    return {
      problem: `A project can have at most ${MAX_CLASSES} classes; the file has ${classes.length}.`,
      target: '#/assets/classes',
    };
  }
  const duplicateClass = classes.find((name, index) => classes.indexOf(name) !== index);
  if (duplicateClass !== undefined) {
    return {
      problem: `The class '${duplicateClass}' is listed twice.`,
      target: '#/assets/classes',
    };
  }
  const files = assets?.documents ?? [];
  if (files.length > MAX_DOCUMENTS) {
    return {
      problem: `A project can have at most ${MAX_DOCUMENTS} documents.`,
      target: '#/assets/documents',
    };
  }
  const single = kind === 'CustomSingleLabelClassification';
  const documents: ProjectDocument[] = [];
  const seen = new Set<string>();
  for (const [index, file] of files.entries()) {
    const target = `#/assets/documents/${index}`;
    if (seen.has(file.location)) {
      return {
        problem: `The document '${file.location}' is listed twice.`,
        target: `${target}/location`,
      };
    }
    seen.add(file.location);
    if (file.location.includes('/') || !file.location.toLowerCase().endsWith('.txt')) {
      return {
        problem: `The document location '${file.location}' must name a .txt file at the root of the container.`,
        target: `${target}/location`,
      };
    }
    const labels = single
      ? file.class
        ? [file.class.category]
        : []
      : (file.classes ?? []).map((item) => item.category);
    if (single ? file.classes !== undefined : file.class !== undefined) {
      return {
        problem: single
          ? `Single label documents name their class in 'class', not 'classes' (document '${file.location}').`
          : `Multi label documents name their classes in 'classes', not 'class' (document '${file.location}').`,
        target,
      };
    }
    const unknown = labels.find((label) => !classes.includes(label));
    if (unknown !== undefined) {
      return {
        problem: `The document '${file.location}' is labelled '${unknown}', which is not one of the project's classes.`,
        target,
      };
    }
    documents.push({
      location: file.location,
      language: file.language,
      dataset: file.dataset,
      labels,
    });
  }
  return {
    content: {
      metadata: { ...metadata, projectKind: kind },
      classes,
      documents,
    },
  };
}

/** The project file of a project, as `:export` gives it (and `:import` takes it back). */
export function projectFile(content: ProjectContent) {
  const single = content.metadata.projectKind === 'CustomSingleLabelClassification';
  const { metadata } = content;
  return {
    projectFileVersion: '2022-05-01',
    stringIndexType: 'Utf16CodeUnit',
    metadata: {
      projectKind: metadata.projectKind,
      storageInputContainerName: metadata.storageInputContainerName,
      settings: metadata.settings ?? {},
      projectName: metadata.projectName,
      multilingual: metadata.multilingual ?? false,
      ...(metadata.description !== undefined ? { description: metadata.description } : {}),
      language: metadata.language,
    },
    assets: {
      projectKind: metadata.projectKind,
      classes: content.classes.map((name) => ({ category: name })),
      documents: content.documents.map((document) => ({
        location: document.location,
        language: document.language ?? metadata.language,
        ...(document.dataset ? { dataset: document.dataset } : {}),
        ...(single
          ? document.labels[0] !== undefined
            ? { class: { category: document.labels[0] } }
            : {}
          : { classes: document.labels.map((name) => ({ category: name })) }),
      })),
    },
  };
}
