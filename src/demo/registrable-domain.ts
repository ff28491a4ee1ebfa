/**
 * Stands in for `tldts` (the public-suffix list, 110 KB gzip) in the build. MSW's cookie store
 * (tough-cookie) asks it for a cookie domain's registrable domain, and only when a handler sets a
 * cookie with a domain: the demo service sets none. The last two labels are the answer for the
 * demo's own host; a multi-part suffix (`co.uk`) would be wrong, and nothing here asks for one.
 */
export function getDomain(domain: string): string | null {
  const labels = domain.replace(/\.$/, '').split('.').filter(Boolean);
  return labels.length >= 2 ? labels.slice(-2).join('.') : null;
}
