/** A deployment and the model it served at one moment. */
export interface ServedModel {
  deploymentName: string;
  modelLabel: string;
}

/**
 * The model a newly trained one is compared with: what the run's deployment served when the
 * training was sent (saved with the train step). Read live instead, a swap would make it the new
 * model itself, beside itself. A record saved without it falls back to what is served now, unless
 * that is the new model.
 */
export function comparedModel(
  train: { baseline?: ServedModel | undefined; modelLabel?: string | undefined } | undefined,
  deploymentName: string,
  servedNow: string | undefined,
): ServedModel | undefined {
  if (train?.baseline) return train.baseline;
  if (servedNow === undefined || servedNow === train?.modelLabel) return undefined;
  return { deploymentName, modelLabel: servedNow };
}
