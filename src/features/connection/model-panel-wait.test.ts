import { describe, expect, it } from 'vitest';
import { EMPTY_CONNECTION } from './connection-store';
import { modelPanelWaitsFor } from './model-panel-wait';

const filled = {
  ...EMPTY_CONNECTION,
  endpoint: 'https://contoso.cognitiveservices.azure.com',
  key: '0123456789abcdef0123456789abcdef',
  projectName: 'SupportTickets',
  deploymentName: 'production',
};

describe('modelPanelWaitsFor', () => {
  it('names the key, not the model, when only the key is missing', () => {
    expect(modelPanelWaitsFor({ ...filled, key: '' })).toBe(
      'Enter the key to see the model SupportTickets / production serves.',
    );
    expect(modelPanelWaitsFor({ ...filled, authMethod: 'bearer' })).toBe(
      'Enter an access token to see the model SupportTickets / production serves.',
    );
  });

  it('names what is missing of the model, then the endpoint', () => {
    expect(modelPanelWaitsFor({ ...filled, projectName: '', deploymentName: '' })).toBe(
      'Choose a project and a deployment to see the model it serves.',
    );
    expect(modelPanelWaitsFor({ ...filled, deploymentName: ' ' })).toBe(
      'Choose a deployment to see the model it serves.',
    );
    expect(modelPanelWaitsFor({ ...filled, endpoint: '' })).toBe(
      "Enter the resource's endpoint to see the model SupportTickets / production serves.",
    );
  });

  it('waits for nothing once everything is there', () => {
    expect(modelPanelWaitsFor(filled)).toBeUndefined();
  });
});
