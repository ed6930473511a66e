/** Builds the PGlite template (an initialised, empty data folder) if it is missing. Part of `npm run build`. */
import { ensurePgliteTemplate } from './pglite.js';

const t0 = performance.now();
const path = await ensurePgliteTemplate();
console.log(`PGlite template: ${path} (${Math.round(performance.now() - t0)} ms)`);
