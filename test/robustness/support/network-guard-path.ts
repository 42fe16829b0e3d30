import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The preloads, by absolute path, for NODE_OPTIONS=--import. */
export const networkGuard = path.join(here, 'network-guard.mjs');
export const peakRssProbe = path.join(here, 'peak-rss.mjs');
