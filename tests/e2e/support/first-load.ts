import type { Browser } from 'playwright-core';

export interface FirstLoad {
  /** Bytes on the wire (compressed bodies plus headers), summed over every response. */
  transferred: number;
  /** Bytes on the wire per URL path, largest first. */
  perPath: [string, number][];
}

/**
 * What a first visit to `path` costs: a fresh context (empty cache) loads the page until the
 * network is idle, and Chromium's DevTools protocol reports each response's encodedDataLength
 * (bytes received for it, compressed body and headers).
 */
export async function measureFirstLoad(browser: Browser, baseURL: string, path: string, ready: string): Promise<FirstLoad> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const urls = new Map<string, string>();
    const sizes = new Map<string, number>();
    cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, new URL(e.request.url).pathname));
    cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: ready }).waitFor();
    await page.waitForLoadState('networkidle');
    const perPath = [...sizes].map(([id, size]): [string, number] => [urls.get(id) ?? id, size]).sort((a, b) => b[1] - a[1]);
    return { transferred: perPath.reduce((sum, [, size]) => sum + size, 0), perPath };
  } finally {
    await context.close();
  }
}
