import { describe, expect, it } from 'vitest';
import type { Credentials } from '../../service/http';
import { modelPanelWaitsFor, type ModelPanelForm } from './model-panel-wait';

const filled: ModelPanelForm = {
  endpoint: 'https://contoso.cognitiveservices.azure.com',
  authMethod: 'key',
  projectName: 'SupportTickets',
  deploymentName: 'production',
};
const credentials: Credentials = { endpoint: filled.endpoint, key: '0123456789abcdef' };

describe('modelPanelWaitsFor', () => {
  it('names the key, not the model, when only the key is missing', () => {
    expect(modelPanelWaitsFor(filled, undefined)).toBe(
      'Enter the key to see the model SupportTickets / production serves.',
    );
    expect(modelPanelWaitsFor({ ...filled, authMethod: 'bearer' }, undefined)).toBe(
      'Enter an access token to see the model SupportTickets / production serves.',
    );
  });

  it('names what is missing of the model, then the endpoint', () => {
    expect(
      modelPanelWaitsFor({ ...filled, projectName: '', deploymentName: '' }, credentials),
    ).toBe('Choose a project and a deployment to see the model it serves.');
    expect(modelPanelWaitsFor({ ...filled, deploymentName: ' ' }, credentials)).toBe(
      'Choose a deployment to see the model it serves.',
    );
    expect(modelPanelWaitsFor({ ...filled, endpoint: '' }, undefined)).toBe(
      "Enter the resource's endpoint to see the model SupportTickets / production serves.",
    );
  });

  it('waits for nothing once everything is there', () => {
    expect(modelPanelWaitsFor(filled, credentials)).toBeUndefined();
  });
});
