import { describe, expect, it } from 'vitest';
import { detectLanguage, UNKNOWN_LANGUAGE } from './language-detection';
import { readGaSubmission } from './submission';

describe('the simulated language detection', () => {
  it('tells the demo texts’ languages apart', () => {
    expect(
      detectLanguage('I was charged twice for my subscription and the refund is late.'),
    ).toMatchObject({
      iso6391Name: 'en',
      name: 'English',
    });
    expect(
      detectLanguage('Me cobraron dos veces por la suscripción y no es la primera vez.'),
    ).toMatchObject({
      iso6391Name: 'es',
    });
    expect(
      detectLanguage('Je ne peux pas me connecter à mon compte avec le mot de passe.'),
    ).toMatchObject({
      iso6391Name: 'fr',
    });
    expect(
      detectLanguage('Ich kann mich nicht mit meinem Konto anmelden, das ist ärgerlich.'),
    ).toMatchObject({
      iso6391Name: 'de',
    });
  });

  it('says (Unknown) with no confidence for a text in no language it knows', () => {
    expect(detectLanguage('1234 5678')).toEqual(UNKNOWN_LANGUAGE);
  });

  it('gives a confidence between 0 and 1', () => {
    const { confidenceScore } = detectLanguage('The parcel and the invoice is late, la la la.');
    expect(confidenceScore).toBeGreaterThan(0);
    expect(confidenceScore).toBeLessThanOrEqual(1);
  });
});

describe('the newer job fields', () => {
  const body = (extra: object) =>
    JSON.stringify({
      analysisInput: { documents: [{ id: '1', text: 'Hello there', language: 'auto' }] },
      tasks: [
        {
          kind: 'CustomSingleLabelClassification',
          parameters: { projectName: 'SupportTickets', deploymentName: 'production' },
        },
      ],
      ...extra,
    });
  const preview = { detectsLanguage: true, takesDefaultLanguage: true, takesCancelAfter: false };

  it('are taken by the versions that have them', () => {
    const result = readGaSubmission(body({ defaultLanguage: 'en' }), '2024-11-15-preview', preview);
    expect(result).toHaveProperty('submission.detectsLanguage', true);
  });

  it('are refused by the versions that do not, so an app sending them is caught', async () => {
    const ga = readGaSubmission(body({ defaultLanguage: 'en' }), '2024-11-01');
    if (!('rejection' in ga)) throw new Error('accepted');
    expect(ga.rejection.status).toBe(400);
    expect(JSON.stringify(await ga.rejection.json())).toContain('defaultLanguage');
    const noCancel = readGaSubmission(body({ cancelAfter: 30 }), '2024-11-15-preview', preview);
    expect(noCancel).toHaveProperty('rejection');
  });
});
