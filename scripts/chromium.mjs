// Debian's Chromium, the only browser the tests and the bench use (never a downloaded one), and
// the flags every headless run of it takes.

/** CHROME_PATH, or Debian's `/usr/bin/chromium`. */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Headless, no sandbox (containers), and none of the browser's own network chatter. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
