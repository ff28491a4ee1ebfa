import { config } from 'zod';

// The page's CSP forbids eval; without this zod probes for it (`Function('')`) on first use and the
// browser reports a CSP violation on every load. The interpreted path is fast enough for our bodies.
config({ jitless: true });
