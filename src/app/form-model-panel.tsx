import { memo } from 'react';
import { useConnectionSettings } from '../features/connection/connection-store';
import { checkCredentials } from '../features/connection/validate-connection';
import { ModelPanel, type ModelPanelProps } from '../features/resource/model-panel';
import { modelPanelWaitsFor } from '../features/resource/model-panel-wait';
import { useResourceCredentials } from './resource-credentials';

/**
 * The Model panel for the deployment the connection form names. Memoised: an open run re-renders
 * with every job it finishes, and the panel (its facts, pickers and figures) changes with none.
 */
export const FormModelPanel = memo(function FormModelPanel({
  live,
  runThreshold,
  onUseThreshold,
}: Pick<ModelPanelProps, 'live' | 'runThreshold' | 'onUseThreshold'>) {
  const settings = useConnectionSettings();
  const credentials = useResourceCredentials(settings);
  return (
    <ModelPanel
      credentials={credentials}
      projectName={settings.projectName}
      deploymentName={settings.deploymentName}
      live={live}
      // All there: the credentials are only settling (a moment after the last keystroke).
      waitsFor={modelPanelWaitsFor(settings, checkCredentials(settings)) ?? 'Reading the model…'}
      apiVersion={settings.apiVersion}
      labelMode={settings.labelMode}
      runThreshold={runThreshold}
      onUseThreshold={onUseThreshold}
    />
  );
});
