import { checkEndpoint } from '../../service/endpoint';
import type { ConnectionSettings } from './connection-store';
import { checkCredentials } from './validate-connection';

/**
 * What the Model panel still needs before it can read the deployment, in words that name the
 * field actually missing (it said "Choose a project and a deployment" when only the key was);
 * undefined once it has all it needs.
 */
export function modelPanelWaitsFor(settings: ConnectionSettings): string | undefined {
  const project = settings.projectName.trim();
  const deployment = settings.deploymentName.trim();
  if (!project || !deployment) {
    const choose = project
      ? 'a deployment'
      : deployment
        ? 'a project'
        : 'a project and a deployment';
    return `Choose ${choose} to see the model it serves.`;
  }
  const serves = `to see the model ${project} / ${deployment} serves.`;
  if (!checkEndpoint(settings.endpoint).ok) return `Enter the resource's endpoint ${serves}`;
  if (!checkCredentials(settings))
    return settings.authMethod === 'bearer'
      ? `Enter an access token ${serves}`
      : `Enter the key ${serves}`;
  return undefined;
}
