import { checkEndpoint } from '../../service/endpoint';
import type { Credentials } from '../../service/http';
import type { AuthScheme } from '../../service/model';

/** What the Model panel is told of the connection form. */
export interface ModelPanelForm {
  projectName: string;
  deploymentName: string;
  endpoint: string;
  authMethod: AuthScheme;
}

/**
 * What the Model panel still needs before it can read the deployment, in words that name the
 * field actually missing (it said "Choose a project and a deployment" when only the key was);
 * undefined once it has all it needs. `credentials`: the form's, undefined while they are not valid.
 */
export function modelPanelWaitsFor(
  form: ModelPanelForm,
  credentials: Credentials | undefined,
): string | undefined {
  const project = form.projectName.trim();
  const deployment = form.deploymentName.trim();
  if (!project || !deployment) {
    const choose = project
      ? 'a deployment'
      : deployment
        ? 'a project'
        : 'a project and a deployment';
    return `Choose ${choose} to see the model it serves.`;
  }
  const serves = `to see the model ${project} / ${deployment} serves.`;
  if (!checkEndpoint(form.endpoint).ok) return `Enter the resource's endpoint ${serves}`;
  if (!credentials)
    return form.authMethod === 'bearer'
      ? `Enter an access token ${serves}`
      : `Enter the key ${serves}`;
  return undefined;
}
