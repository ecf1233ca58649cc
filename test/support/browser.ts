/**
 * Real headless Chromium for end-to-end tests, driven by playwright-core (which ships no browser:
 * it drives the system's Chromium).
 *
 * Where Chromium is missing, browser suites do not pass silently: under CI=true they FAIL, and
 * elsewhere they are reported as NOT RUN with the install command, in a banner and in the name
 * of the one skipped test (see describeWithBrowser).
 */
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { chromium, Browser, Page } from 'playwright-core';

/** The Chromium to drive: CHROMIUM_PATH, else Debian's package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_INSTALL = 'apt-get update && apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary)';

/**
 * Headless, and quiet on the network: no QUIC, no background or component updates, no sync, so
 * every request the browser makes comes from the page under test.
 */
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why Chromium cannot be used here, or null when it can. */
export function chromiumMissing(): string | null {
  try {
    fs.accessSync(CHROMIUM_PATH, fs.constants.X_OK);
    return null;
  } catch {
    return `no executable Chromium at ${CHROMIUM_PATH}`;
  }
}

/**
 * Chromium for the suites. Pages and contexts bypass the app's content-security policy unless a
 * suite asks for it with `bypassCSP: false`: Playwright's probes (`page.evaluate` and
 * `waitForFunction` with a string) run through eval, which the policy rightly forbids the page.
 * test/e2e/security-headers.test.ts runs the pages under the real policy.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS, timeout: 60_000 });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options = {}) => newContext({ bypassCSP: true, ...options });
  browser.newPage = (options = {}) => newPage({ bypassCSP: true, ...options });
  return browser;
}

/**
 * `describe` when Chromium is available. Otherwise: under CI=true a suite whose one test fails
 * with the reason; elsewhere a suite whose one test is skipped, named so the run's output says
 * loudly what was not run and how to fix it.
 */
export function describeWithBrowser(name: string, fn: () => void): void {
  const missing = chromiumMissing();
  if (!missing) {
    describe(name, fn);
    return;
  }
  const message = `BROWSER TESTS NOT RUN: ${missing}. Install it with: ${CHROMIUM_INSTALL}`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium (CI=true: a missing browser is a failure)', () => {
        throw new Error(message);
      });
    });
    return;
  }
  const bar = '!'.repeat(Math.min(message.length + 8, 120));
  process.stderr.write(`\n${bar}\n!!! ${message}\n${bar}\n\n`);
  describe(name, () => {
    it.skip(message, () => undefined);
  });
}

/**
 * Lets only requests to `origin` through and records every other one (aborted), so a test can
 * assert that the page never reached beyond the app.
 */
export async function confineToOrigin(page: Page, origin: string): Promise<string[]> {
  const foreign: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  // Requests the router does not see (e.g. some service-worker traffic) are still recorded.
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin && !foreign.includes(url)) foreign.push(url);
  });
  return foreign;
}

export interface Ink {
  /** Share of pixels that are not (near) white, 0..1. */
  inkedShare: number;
  /**
   * Distinct colours among the inked pixels, quantised to 4 bits a channel and counted only when
   * they cover at least `minPixels`, so anti-aliasing blends do not count as colours.
   */
  distinctColours: number;
}

/** How much a PNG (a screenshot of a canvas) has actually drawn. */
export function measureInk(png: Buffer, minPixels = 30): Ink {
  const { data, width, height } = PNG.sync.read(png);
  const colours = new Map<number, number>();
  let inked = 0;
  for (let i = 0; i < width * height * 4; i += 4) {
    const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    if (a < 16 || (r > 240 && g > 240 && b > 240)) continue;
    inked += 1;
    const colour = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
    colours.set(colour, (colours.get(colour) ?? 0) + 1);
  }
  const distinctColours = [...colours.values()].filter((n) => n >= minPixels).length;
  return { inkedShare: inked / (width * height), distinctColours };
}

/** Pixels of a PNG within `tolerance` (per channel) of `rgb`: e.g. how much of a highlight colour was drawn. */
export function countColour(png: Buffer, rgb: [number, number, number], tolerance = 24): number {
  const { data, width, height } = PNG.sync.read(png);
  let n = 0;
  for (let i = 0; i < width * height * 4; i += 4) {
    if (Math.abs(data[i]! - rgb[0]) <= tolerance && Math.abs(data[i + 1]! - rgb[1]) <= tolerance && Math.abs(data[i + 2]! - rgb[2]) <= tolerance) n += 1;
  }
  return n;
}
