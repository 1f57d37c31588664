import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * A course page on another site: a tiny HTTP server on 127.0.0.2 (any 127.0.0.0/8 address is
 * loopback on Linux) while the app is served from 127.0.0.1. A different host makes the frame
 * cross-origin *and* cross-site, as an LMS embedding the simulator is. `pages` maps a path to
 * its HTML and is read per request, so pages that need the host's own origin can be added once
 * it is known; the app's own `embed.js` is fetched from the frame's origin by the page itself.
 */
export interface HostPage {
  origin: string;
  pages: Record<string, string>;
  close(): Promise<void>;
}

export const HOST_ADDRESS = '127.0.0.2';

export async function startHostPage(pages: Record<string, string> = {}): Promise<HostPage> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const html = pages[path];
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST_ADDRESS, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${HOST_ADDRESS}:${port}`,
    pages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Msg = { type: string; [k: string]: unknown };
type HostWindow = { events: Msg[]; sim: Record<string, (...x: unknown[]) => Promise<Msg>> };

/** The frame a course page embeds: its element id, accessible title, first height, the page's heading. */
export interface FrameSpec {
  id: string;
  title: string;
  height: number;
  heading: string;
}

/**
 * A course page embedding the app at `src` from `appOrigin` as a host would: it keeps every
 * message from the app's origin in `window.events` and drives the frame with the app's own
 * `embed.js` (`window.sim = ECSim.connect(…)`).
 */
export function coursePage(frame: FrameSpec, src: string, appOrigin: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
<link rel="icon" href="data:,"><style>body{margin:0;padding:8px;font-family:sans-serif}</style></head>
<body><header><h1>${frame.heading}</h1></header>
<main aria-label="Course"><iframe id="${frame.id}" title="${frame.title}" src="${src}" style="width:100%;height:${frame.height}px;border:0"></iframe></main>
<script>
  window.events = [];
  window.addEventListener('message', (e) => {
    if (e.origin === '${appOrigin}' && e.data && typeof e.data.type === 'string') window.events.push(e.data);
  });
</script>
<script src="${appOrigin}/embed.js"></script>
<script>window.sim = ECSim.connect(document.getElementById('${frame.id}'));</script>
</body></html>`;
}

/** The events of one type the course page has heard from the frame. */
export const eventsOf = (page: Page, type: string): Promise<Msg[]> =>
  page.evaluate((t) => (window as unknown as HostWindow).events.filter((m) => m.type === t), type);

/** Calls a method of the page's ECSim connection: the frame's reply, or `{ refused }`. */
export function call(
  page: Page,
  method: string,
  ...args: unknown[]
): Promise<Msg & { refused?: string }> {
  return page.evaluate(
    ([m, a]) =>
      (window as unknown as HostWindow).sim[m]!(...a).catch((err: Error) => ({
        type: 'refused',
        refused: err.message,
      })),
    [method, args] as [string, unknown[]],
  );
}

/**
 * Posts raw data to the frame, as a careless or hostile host would. The data is JSON, parsed in
 * the page, so a `__proto__` key arrives as an own property (as a real host's JSON.parse makes it).
 */
export const postRaw = (page: Page, frameId: string, json: string, target: string) =>
  page.evaluate(
    ([id, d, t]) =>
      (document.getElementById(id) as HTMLIFrameElement).contentWindow!.postMessage(
        JSON.parse(d),
        t,
      ),
    [frameId, json, target] as [string, string, string],
  );

/** The frame inside the course page's `<iframe id=…>`. */
export async function frameOf(page: Page, frameId: string): Promise<Frame> {
  const frame = await page
    .locator(`#${frameId}`)
    .elementHandle()
    .then((e) => e?.contentFrame());
  if (!frame) throw new Error(`no frame in #${frameId}`);
  return frame;
}

/** Waits until the iframe's height is its content's (auto-resize); returns that height. */
export async function expectFitsContent(page: Page, frame: Frame, frameId: string) {
  const content = await frame.evaluate(() =>
    Math.ceil(document.getElementById('root')!.getBoundingClientRect().height),
  );
  await expect
    .poll(() =>
      page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().height, frameId),
    )
    .toBeCloseTo(content, -1);
  return content;
}

/**
 * The frame at 320, 800 and 1280 px wide: resized to its content by its own reports, no
 * sideways scrolling, a screenshot of each (`<name>-<width>.png`).
 */
export async function expectFitsEachWidth(
  page: Page,
  frame: Frame,
  frameId: string,
  name: string,
): Promise<void> {
  for (const width of [320, 800, 1280]) {
    await page.setViewportSize({ width: width + 16, height: 700 });
    await page.waitForTimeout(600);
    await expectFitsContent(page, frame, frameId);
    const overflow = await frame.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
    await page
      .locator(`#${frameId}`)
      .screenshot({ path: test.info().outputPath(`${name}-${width}.png`) });
  }
}

/**
 * An init script (it runs in every frame, cross-origin ones included) that makes the storage
 * globals throw as a browser that blocks third-party storage does: `SecurityError` on access.
 */
export const DENY_STORAGE = `(() => {
  for (const name of ['localStorage', 'sessionStorage', 'indexedDB']) {
    Object.defineProperty(window, name, {
      configurable: true,
      get() {
        throw new DOMException(
          "Failed to read the '" + name + "' property from 'Window': Access is denied for this document.",
          'SecurityError',
        );
      },
    });
  }
})();`;
