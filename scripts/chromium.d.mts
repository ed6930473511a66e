/** CHROME_PATH, or Debian's `/usr/bin/chromium`. */
export const CHROMIUM_PATH: string;
/** Headless, no sandbox (containers), and none of the browser's own network chatter. */
export const CHROMIUM_ARGS: string[];
