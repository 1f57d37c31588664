import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

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
