/**
 * A page held to what a strict production deployment allows: every response of the app carries
 * a strict Content-Security-Policy (no inline script or style, nothing off the origin), every
 * request elsewhere is aborted and recorded, and CSP violations are recorded, so a test can
 * assert the page works under helmet-style headers and reaches nothing but the app.
 */
import type { Page } from 'playwright-core';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

export interface StrictPage {
  /** Requests to other origins (aborted). */
  foreign: string[];
  /** CSP violations the page reported (directive and blocked URI). */
  violations(): Promise<string[]>;
}

export async function holdToStrictCsp(page: Page, origin: string, csp: string = STRICT_CSP): Promise<StrictPage> {
  const foreign: string[] = [];
  await page.addInitScript(`
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
  `);
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (new URL(url).origin !== origin) {
      foreign.push(url);
      return route.abort('blockedbyclient');
    }
    // Only documents carry a CSP; everything else (scripts, GraphQL) passes untouched.
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    if ((headers['content-type'] ?? '').includes('text/html')) headers['content-security-policy'] = csp;
    return route.fulfill({ response, headers });
  });
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin && !foreign.includes(url)) foreign.push(url);
  });
  return { foreign, violations: () => page.evaluate('window.cspViolations || []') as Promise<string[]> };
}
