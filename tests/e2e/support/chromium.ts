// Finds Debian's Chromium for the browser tests; the suite never downloads a browser.
// Invariant: a missing executable is a loud failure (CI or not), never a silent skip.
import { accessSync, constants } from 'node:fs';

export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Returns the executable path, or throws with the fix spelled out. */
export function requireChromium(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const path = chromiumPath(env);
  try {
    accessSync(path, constants.X_OK);
  } catch {
    const where = env.CI ? 'CI requires the browser tests' : 'The browser tests need a local Chromium';
    throw new Error(
      `${where}, but no executable Chromium was found at ${path}. ` +
        `Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary. ` +
        `The suite never downloads a browser.`,
    );
  }
  return path;
}
