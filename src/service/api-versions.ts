/**
 * The API versions the app speaks, in the picker's order (stable newest first, then previews).
 * Only their names: what differs between them is each one's row in api-profiles.ts. The names
 * stand apart so the job model can name a version without reaching the rows' request builders.
 */

export const PREVIEW_API_VERSION = 'v3.1-preview.ct.1';

export const API_VERSIONS = [
  '2025-11-01',
  '2024-11-01',
  '2023-04-01',
  '2022-05-01',
  '2025-11-15-preview',
  '2025-05-15-preview',
  '2024-11-15-preview',
  PREVIEW_API_VERSION,
] as const;

export type ApiVersion = (typeof API_VERSIONS)[number];
