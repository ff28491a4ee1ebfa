import { describe, expect, it } from 'vitest';
import { PREVIEW_API_VERSION, profileOf } from './api-profiles';
import { submitRequest } from './jobs';
import type { JobInput } from './model';
import { deleteProjectRequest } from './project-deletion';

const base: JobInput = {
  endpoint: 'https://myresource.cognitiveservices.azure.com',
  apiVersion: '2023-04-01',
  labelMode: 'single',
  projectName: 'MyProject',
  deploymentName: 'production',
  modelId: 'abc_MultiClassification_latest',
  language: '',
  jobName: '',
  documents: [
    { id: 'doc1', text: 'First' },
    { id: 'doc2', text: 'Second' },
  ],
};

describe('submit requests', () => {
  it('builds the GA body for single label, with no language or job name when none is given', () => {
    expect(submitRequest(base)).toEqual({
      method: 'POST',
      url: 'https://myresource.cognitiveservices.azure.com/language/analyze-text/jobs?api-version=2023-04-01',
      body: {
        analysisInput: {
          documents: [
            { id: 'doc1', text: 'First' },
            { id: 'doc2', text: 'Second' },
          ],
        },
        tasks: [
          {
            kind: 'CustomSingleLabelClassification',
            taskName: 'classify',
            parameters: { projectName: 'MyProject', deploymentName: 'production' },
          },
        ],
      },
    });
  });

  it('builds the GA body for multi label with language and display name', () => {
    const request = submitRequest({
      ...base,
      apiVersion: '2024-11-01',
      labelMode: 'multi',
      language: 'en',
      jobName: 'Tickets',
    });
    expect(request.url).toContain('api-version=2024-11-01');
    expect(request.body).toMatchObject({
      displayName: 'Tickets',
      analysisInput: {
        documents: [
          { id: 'doc1', language: 'en', text: 'First' },
          { id: 'doc2', language: 'en', text: 'Second' },
        ],
      },
      tasks: [{ kind: 'CustomMultiLabelClassification' }],
    });
  });

  it.each([
    ['single', 'customClassificationTasks'],
    ['multi', 'customMultiClassificationTasks'],
  ] as const)(
    'builds the preview body for %s label with modelId and TextElements_v8',
    (labelMode, list) => {
      const request = submitRequest({
        ...base,
        apiVersion: 'v3.1-preview.ct.1',
        labelMode,
        jobName: 'MyJobName',
      });
      expect(request).toEqual({
        method: 'POST',
        url: 'https://myresource.cognitiveservices.azure.com/text/analytics/v3.1-preview.ct.1/analyze',
        body: {
          displayName: 'MyJobName',
          analysisInput: { documents: base.documents },
          tasks: {
            [list]: [
              {
                parameters: {
                  modelId: 'abc_MultiClassification_latest',
                  stringIndexType: 'TextElements_v8',
                },
              },
            ],
          },
        },
      });
    },
  );
});

describe('delete project requests', () => {
  it('uses an authoring version the service has and encodes the name', () => {
    expect(deleteProjectRequest(base.endpoint, '2024-11-01', 'My Project/1')).toEqual({
      method: 'DELETE',
      url: 'https://myresource.cognitiveservices.azure.com/language/authoring/analyze-text/projects/My%20Project%2F1?api-version=2023-04-01',
    });
    expect(deleteProjectRequest(base.endpoint, '2022-05-01', 'P').url).toContain(
      'api-version=2022-05-01',
    );
  });

  it('uses the preview authoring path', () => {
    expect(profileOf(PREVIEW_API_VERSION).deletion.request(base.endpoint, 'Movies').url).toBe(
      'https://myresource.cognitiveservices.azure.com/language/text/authoring/v1.0-preview.2/projects/Movies',
    );
  });
});
