/** Job IDs in the real service's formats. */

/** Built by hand because `crypto.randomUUID` is missing on plain-http pages other than localhost. */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Authoring job IDs carry .NET ticks after the UUID, like the real service's. */
export function authoringJobId(now: number): string {
  return `${randomUuid()}_${BigInt(now) * 10_000n + 621_355_968_000_000_000n}`;
}
