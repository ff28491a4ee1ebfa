import type { Credentials } from '../../service/http';
import type { LabelMode } from '../../service/model';

/** What the Project name and Deployment name fields take, loaded or standing in for the pickers. */

export interface NameFieldProps {
  credentials: Credentials | undefined;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  required: boolean;
  description: string;
}

export type ProjectFieldProps = NameFieldProps & { onKind: (labelMode: LabelMode) => void };
export type DeploymentFieldProps = NameFieldProps & { projectName: string };
