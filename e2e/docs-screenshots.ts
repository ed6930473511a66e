// `node --import tsx e2e/docs-screenshots.ts`: the pictures of the webmaster guide (docs/mulai.md),
// taken in Debian's Chromium on the real server: the snippet configurator, the kelurahan portal
// example (a WordPress-like theme) with the catalog pasted in, and the queue window its link opens.
// There is no WordPress here, so the guide's WordPress steps show the result on a WordPress-like
// theme, not WordPress's own editor. Rerun after a visible change; the PNGs are committed.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium, startCli, stopCli } from './server.js';
import { nextWeekdayNine } from '../scripts/test-clock.mjs';

const OUT = fileURLToPath(new URL('../docs/img/', import.meta.url));
mkdirSync(OUT, { recursive: true });
const server = await startCli({ MPP_NOW: nextWeekdayNine() });
const browser = await launchChromium();
try {
  const wide = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  // The options, the snippet and the live preview under them, in one picture.
  await wide.goto(`${server.url}/docs/configurator.html`);
  await wide.locator('mpp-service-catalog, mpp-queue-booking').first().waitFor({ timeout: 30_000 });
  await wide.waitForTimeout(1500);
  await wide.screenshot({ path: `${OUT}pembuat-kode.png`, fullPage: true });

  const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await phone.goto(`${server.url}/examples/kelurahan-portal/`);
  await phone.locator('mpp-service-catalog [data-service]').first().waitFor({ timeout: 30_000 });
  await phone.screenshot({ path: `${OUT}portal-katalog.png` });
  await phone.getByRole('link', { name: 'Ambil antrean Kartu Keluarga' }).click();
  await phone.locator('mpp-launcher mpp-queue-booking [data-date]').first().waitFor({ timeout: 30_000 });
  await phone.screenshot({ path: `${OUT}portal-antrean.png` });
  console.log(`wrote ${OUT}pembuat-kode.png, portal-katalog.png, portal-antrean.png`);
} finally {
  await browser.close();
  await stopCli(server);
}
