// A production build served by `vite preview` on a free loopback port, for the browser benches.
// Vite is started by node directly (not through `npx`, whose wrapper process would be the one a
// kill reaches, leaving the server running after the bench), and `stop()` waits for it to exit.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface PreviewServer {
  readonly url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Serves `outDir` (relative to `cwd`, or absolute) and resolves once it answers. */
export async function startPreview(cwd: string, outDir = 'dist'): Promise<PreviewServer> {
  const port = await freePort();
  const vite = join(dirname(require.resolve('vite/package.json', { paths: [cwd] })), 'bin/vite.js');
  const child = spawn(
    process.execPath,
    [
      vite,
      'preview',
      '--outDir',
      outDir,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { cwd, stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(url)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`vite preview did not answer on ${url}`);
}
