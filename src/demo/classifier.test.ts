import { describe, expect, it } from 'vitest';
import { classify, MULTI_LABEL_THRESHOLD, scoreClasses } from './classifier';
import { DEMO_DOCUMENTS, DEMO_PROJECTS } from './demo-settings';

const single = DEMO_PROJECTS.single.classes;
const multi = DEMO_PROJECTS.multi.classes;
const categories = (scores: { category: string }[]) => scores.map((score) => score.category);

describe('classify', () => {
  it('gives each sample support ticket its obvious class', () => {
    const predicted = DEMO_DOCUMENTS.single.map((text) => classify(single, text, 'single'));
    expect(predicted.map(categories)).toEqual([
      ['Billing'],
      ['TechnicalIssue'],
      ['Account'],
      ['Shipping'],
      ['Feedback'],
    ]);
    for (const [best] of predicted) expect(best?.confidenceScore).toBeGreaterThan(0.7);
  });

  it('gives each sample film its genres, and none to one that has no clear genre', () => {
    const predicted = DEMO_DOCUMENTS.multi.map((text) =>
      categories(classify(multi, text, 'multi')),
    );
    expect(predicted).toEqual([
      ['Comedy', 'Action'],
      ['Drama'],
      ['SciFi', 'Horror'],
      ['Romance', 'Comedy'],
      [],
    ]);
  });

  it('answers the same input with the same output', () => {
    for (const text of [...DEMO_DOCUMENTS.single, 'zebra quantum marmalade']) {
      expect(scoreClasses(single, text, 'single')).toEqual(scoreClasses(single, text, 'single'));
      expect(scoreClasses(multi, text, 'multi')).toEqual(scoreClasses(multi, text, 'multi'));
    }
  });

  it('still answers text it has no words for, with low confidence', () => {
    const [best, ...others] = classify(single, 'zebra quantum marmalade', 'single');
    expect(others).toEqual([]);
    expect(single).toContain(best?.category);
    expect(best?.confidenceScore).toBeLessThan(0.4);
    expect(classify(multi, 'zebra quantum marmalade', 'multi')).toEqual([]);
  });

  it('keeps every score between 0 and 1, and multi-label above the threshold', () => {
    for (const text of [...DEMO_DOCUMENTS.multi, '', 'love love love love love']) {
      for (const score of scoreClasses(multi, text, 'multi')) {
        expect(score.confidenceScore).toBeGreaterThanOrEqual(0);
        expect(score.confidenceScore).toBeLessThanOrEqual(1);
      }
      for (const score of classify(multi, text, 'multi')) {
        expect(score.confidenceScore).toBeGreaterThan(MULTI_LABEL_THRESHOLD);
      }
    }
    const total = scoreClasses(single, DEMO_DOCUMENTS.single[0], 'single').reduce(
      (sum, score) => sum + score.confidenceScore,
      0,
    );
    expect(total).toBeCloseTo(1, 2);
  });

  it('recognises classes it has no vocabulary for by their names', () => {
    const [best] = classify(['Class_1', 'WeatherReport'], 'The weather report says rain', 'single');
    expect(best?.category).toBe('WeatherReport');
  });
});
