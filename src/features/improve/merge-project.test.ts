import { describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../service/project-file';
import { mergeProject } from './merge-project';
import { trainingSet } from './training-set';

const RUN = { id: '3f0c2a1e-8d4b-4c7a-9e1f-0a2b3c4d5e6f', labelMode: 'single' as const };

function exported(kind = 'CustomSingleLabelClassification'): ProjectFile {
  const multi = kind === 'CustomMultiLabelClassification';
  const doc = (location: string, category: string, dataset: string) => ({
    location,
    language: 'en-us',
    dataset,
    ...(multi ? { classes: [{ category }] } : { class: { category } }),
  });
  return {
    projectFileVersion: '2022-05-01',
    stringIndexType: 'Utf16CodeUnit',
    metadata: {
      projectKind: kind,
      storageInputContainerName: 'tickets',
      projectName: 'Support',
      language: 'en-us',
      multilingual: false,
      settings: { confidenceThreshold: 0.3 },
    },
    assets: {
      projectKind: kind,
      classes: [{ category: 'Billing' }, { category: 'Bug' }],
      documents: [doc('old-1.txt', 'Billing', 'Train'), doc('old-2.txt', 'Bug', 'Test')],
    },
  };
}

const documents = [
  { index: 0, id: 't1', text: 'Card charged twice', labels: ['Billing'] },
  { index: 1, id: 't2', text: 'Cannot log in', labels: ['Bug'] },
];

describe('mergeProject', () => {
  it('keeps every document and label the project held, and everything it does not know', () => {
    const project = exported();
    const additions = trainingSet(RUN, documents, [{ index: 1, labels: ['Login'] }], {
      includeGold: true,
      addAs: 'Train',
    }).documents;
    const merge = mergeProject(project, additions);
    expect(merge.project.assets?.documents?.slice(0, 2)).toEqual(project.assets?.documents);
    expect(merge.project.metadata).toEqual(project.metadata);
    expect(merge.documentsBefore).toBe(2);
    expect(merge.documentsAfter).toBe(4);
    expect(merge.counts).toEqual({ added: 2, relabelled: 0, unchanged: 0 });
    expect(merge.newClasses).toEqual(['Login']);
    expect(merge.project.assets?.classes).toEqual([
      { category: 'Billing' },
      { category: 'Bug' },
      { category: 'Login' },
    ]);
    // The exported file itself is untouched: it is what "Download previous project file" gives back.
    expect(project.assets?.documents).toHaveLength(2);
  });

  it('adds a new document with `class` (single label), its blob, dataset and the project language', () => {
    const [added] = trainingSet(RUN, documents.slice(0, 1), [], {
      includeGold: true,
      addAs: 'Test',
    }).documents;
    const merge = mergeProject(exported(), added ? [added] : []);
    expect(merge.project.assets?.documents?.at(-1)).toEqual({
      location: added?.location,
      language: 'en-us',
      dataset: 'Test',
      class: { category: 'Billing' },
    });
  });

  it('uses `classes` for a multi-label project', () => {
    const additions = trainingSet({ ...RUN, labelMode: 'multi' }, documents, [], {
      includeGold: true,
      addAs: 'Train',
    }).documents;
    const merge = mergeProject(exported('CustomMultiLabelClassification'), additions);
    expect(merge.project.assets?.documents?.at(-1)).toMatchObject({
      classes: [{ category: 'Bug' }],
    });
    expect(merge.project.assets?.documents?.at(-1)).not.toHaveProperty('class');
  });

  it('adding the same run twice adds nothing twice', () => {
    const options = { includeGold: true, addAs: 'Train' as const };
    const corrections = [{ index: 1, labels: ['Login'] }];
    const additions = trainingSet(RUN, documents, corrections, options).documents;
    const first = mergeProject(exported(), additions);
    const second = mergeProject(first.project, additions);
    expect(second.documentsAfter).toBe(first.documentsAfter);
    expect(second.counts).toEqual({ added: 0, relabelled: 0, unchanged: 2 });
    expect(second.project.assets?.classes).toEqual(first.project.assets?.classes);
  });

  it('relabels in place a document the project holds that this run corrected, and only that', () => {
    const options = { includeGold: true, addAs: 'Train' as const };
    const first = mergeProject(exported(), trainingSet(RUN, documents, [], options).documents);
    // A later review of the same run: t2 corrected to Login; t1 keeps its gold label.
    const corrected = trainingSet(RUN, documents, [{ index: 1, labels: ['Login'] }], options);
    const second = mergeProject(first.project, corrected.documents);
    expect(second.counts).toEqual({ added: 0, relabelled: 1, unchanged: 1 });
    const relabelled = second.changes.find((change) => change.kind === 'relabelled');
    expect(relabelled).toMatchObject({ id: 't2', before: ['Bug'], after: ['Login'] });
    const documentsAfter = second.project.assets?.documents ?? [];
    expect(documentsAfter).toHaveLength(first.documentsAfter);
    const position = documentsAfter.findIndex((doc) => doc.location === relabelled?.location);
    // In place: same position, same dataset and language, new class.
    expect(documentsAfter[position]).toEqual({
      ...first.project.assets?.documents?.[position],
      class: { category: 'Login' },
    });
  });

  it('never lets a gold label change a document the project already holds', () => {
    const options = { includeGold: true, addAs: 'Train' as const };
    const first = mergeProject(exported(), trainingSet(RUN, documents, [], options).documents);
    const goldChanged = trainingSet(
      RUN,
      documents.map((document) => ({ ...document, labels: ['Other'] })),
      [],
      options,
    );
    const second = mergeProject(first.project, goldChanged.documents);
    expect(second.counts).toEqual({ added: 0, relabelled: 0, unchanged: 2 });
  });

  it('blocks an import that would pass 200 classes', () => {
    const project = exported();
    const many = Array.from({ length: 199 }, (_, i) => ({ category: `c${i}` }));
    const crowded = { ...project, assets: { ...project.assets, projectKind: 'x', classes: many } };
    const additions = trainingSet(RUN, documents, [], {
      includeGold: true,
      addAs: 'Train',
    }).documents;
    expect(mergeProject(crowded, additions).blocked).toMatch(/201 classes.*at most 200/);
  });
});
