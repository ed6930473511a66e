/** Writes docs/openapi.json from the contract (`npm run openapi`). A test fails when the committed file drifts. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApi } from './openapi.js';

const out = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));
writeFileSync(out, JSON.stringify(buildOpenApi(), null, 2) + '\n');
console.log(`wrote ${out}`);
