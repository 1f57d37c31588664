import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startHostPage, type HostPage } from './host-page';

/**
 * `#/embed/sandbox` on a course page of another site (127.0.0.2): the sandbox in the embed
 * layout, auto-resized, driven by the host through public/embed.js where the API applies.
 */
test.describe.configure({ timeout: 300_000 });
const SLOW = { timeout: 150_000 };

type Msg = { type: string; [k: string]: unknown };
type HostWindow = { events: Msg[]; sim: Record<string, (...x: unknown[]) => Promise<Msg>> };

function coursePage(frameSrc: string, appOrigin: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
<link rel="icon" href="data:,"><style>body{margin:0;padding:8px;font-family:sans-serif}</style></head>
<body><header><h1>Try it yourself</h1></header>
<main aria-label="Course"><iframe id="sandbox" title="ElastiCache Simulator sandbox" src="${frameSrc}" style="width:100%;height:400px;border:0"></iframe></main>
<script>
  window.events = [];
  window.addEventListener('message', (e) => {
    if (e.origin === '${appOrigin}' && e.data && typeof e.data.type === 'string') window.events.push(e.data);
  });
</script>
<script src="${appOrigin}/embed.js"></script>
<script>window.sim = ECSim.connect(document.getElementById('sandbox'));</script>
</body></html>`;
}

const eventsOf = (page: Page, type: string): Promise<Msg[]> =>
  page.evaluate((t) => (window as unknown as HostWindow).events.filter((m) => m.type === t), type);

function call(page: Page, method: string, ...args: unknown[]): Promise<Msg & { refused?: string }> {
  return page.evaluate(
    ([m, a]) =>
      (window as unknown as HostWindow).sim[m]!(...a).catch((err: Error) => ({
        type: 'refused',
        refused: err.message,
      })),
    [method, args] as [string, unknown[]],
  );
}

const postRaw = (page: Page, json: string, target: string) =>
  page.evaluate(
    ([d, t]) =>
      (document.getElementById('sandbox') as HTMLIFrameElement).contentWindow!.postMessage(
        JSON.parse(d),
        t,
      ),
    [json, target] as [string, string],
  );

function sandboxFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('#/embed/sandbox'));
  if (!frame) throw new Error('no sandbox frame');
  return frame;
}

const traceHash = (frame: Frame) =>
  frame.evaluate(() => {
    type Snap = { traceHash: string; eventsProcessed: number; now: number };
    const s = (window as unknown as { __sim?: { snapshot(): Snap | null } }).__sim?.snapshot();
    return s ? `${s.traceHash}/${s.eventsProcessed}/${s.now}` : '';
  });

let host: HostPage;
let appOrigin: string;
test.beforeAll(async ({ baseURL }) => {
  appOrigin = new URL(baseURL!).origin;
  host = await startHostPage();
  const full = `${appOrigin}/#/embed/sandbox?seed=7&step=3&parentOrigin=${encodeURIComponent(host.origin)}`;
  host.pages['/sandbox.html'] = coursePage(full, appOrigin);
  const bare = `${appOrigin}/#/embed/sandbox?seed=7&controls=none&system=mainframe`;
  host.pages['/bare.html'] = coursePage(bare, appOrigin);
});
test.afterAll(async () => host.close());

test('the embedded sandbox resizes, is driven by the host, and names what does not apply', async ({
  page,
}) => {
  await page.setViewportSize({ width: 816, height: 600 });
  await page.goto(`${host.origin}/sandbox.html`);
  await expect.poll(() => eventsOf(page, 'ecsim.v1.ready'), SLOW).toHaveLength(1);
  const [ready] = await eventsOf(page, 'ecsim.v1.ready');
  expect(ready).toMatchObject({ version: 1, scenario: 'sandbox', steps: 0, readOnly: false });
  const sandbox = page.frameLocator('#sandbox');
  const frame = sandboxFrame(page);
  await expect(sandbox.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);

  // The embed layout: the picture, controls, the scenario's actions; no site navigation.
  await expect(sandbox.getByRole('figure', { name: 'Topology diagram' })).toBeVisible();
  await expect(sandbox.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(sandbox.getByRole('heading', { name: 'Metrics' })).toBeVisible();
  const open = sandbox.getByRole('link', { name: 'Open in ElastiCache Simulator' });
  await expect(open).toHaveAttribute('href', '#/sandbox?seed=7');
  await expect(open).toHaveAttribute('target', '_blank');
  // A lesson's parameter is named as ignored, not silently dropped.
  await expect(sandbox.getByRole('alert').filter({ hasText: 'The parameter' })).toContainText(
    'The parameter "step" belongs to lessons; the sandbox has no steps, so it is ignored.',
  );

  // Auto-resize: the iframe takes its content's height.
  const content = await frame.evaluate(() =>
    Math.ceil(document.getElementById('root')!.getBoundingClientRect().height),
  );
  await expect
    .poll(() =>
      page.evaluate(() => document.getElementById('sandbox')!.getBoundingClientRect().height),
    )
    .toBeCloseTo(content, -1);

  // The host drives it: the URL's seed, a step, an action, a speed; goto has nothing to go to.
  const before = await call(page, 'getState');
  expect(before).toMatchObject({ type: 'ecsim.v1.state', scenario: 'sandbox', steps: 0 });
  expect((before.progress as { sim: { seed: number } }).sim.seed).toBe(7);
  expect(await call(page, 'step')).toMatchObject({ command: 'step', ok: true });
  const stepped = await call(page, 'getState');
  expect(stepped.eventsProcessed).toBe((before.eventsProcessed as number) + 1);
  expect(await call(page, 'act', { type: 'ttl.set', params: { seconds: 30 } })).toMatchObject({
    command: 'act',
    ok: true,
  });
  expect(await call(page, 'act', { type: 'no.such' })).toMatchObject({ refused: /./ });
  expect(await call(page, 'setSpeed', 2)).toMatchObject({ command: 'setSpeed', ok: true });
  expect(await call(page, 'goto', 1)).toMatchObject({
    refused: expect.stringContaining('ecsim.v1.goto does not apply here'),
  });

  // Hostile messages change nothing, and each is counted.
  const hash = await traceHash(frame);
  const rejectedBefore = (await eventsOf(page, 'ecsim.v1.rejected')).length;
  await postRaw(page, '{"type":"ecsim.v1.step","__proto__":{"x":1}}', appOrigin);
  await postRaw(page, '{"type":"ecsim.v2.step"}', appOrigin);
  await expect
    .poll(async () => (await eventsOf(page, 'ecsim.v1.rejected')).length)
    .toBe(rejectedBefore + 2);
  expect(await traceHash(frame)).toBe(hash);

  // Reset starts the system over from its seed.
  expect(await call(page, 'reset')).toMatchObject({ command: 'reset', ok: true });
  await expect.poll(async () => (await call(page, 'getState')).eventsProcessed, SLOW).toBe(0);
  await expect(sandbox.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);

  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  for (const width of [320, 800, 1280]) {
    await page.setViewportSize({ width: width + 16, height: 700 });
    await page.waitForTimeout(600);
    const h = await frame.evaluate(() =>
      Math.ceil(document.getElementById('root')!.getBoundingClientRect().height),
    );
    await expect
      .poll(() =>
        page.evaluate(() => document.getElementById('sandbox')!.getBoundingClientRect().height),
      )
      .toBeCloseTo(h, -1);
    const overflow = await frame.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
    await page
      .locator('#sandbox')
      .screenshot({ path: test.info().outputPath(`embed-sandbox-${width}.png`) });
  }
});

test('controls=none leaves the picture to the host; a bad system is named', async ({ page }) => {
  await page.goto(`${host.origin}/bare.html`);
  const sandbox = page.frameLocator('#sandbox');
  await expect(sandbox.getByRole('figure', { name: 'Topology diagram' })).toBeVisible(SLOW);
  await expect(
    sandbox.getByRole('alert').filter({ hasText: 'The parameter "system"' }),
  ).toContainText('which is not one of replication-group, cluster');
  await expect(sandbox.getByRole('button', { name: /^(Play|Pause)/ })).toHaveCount(0);
  // No parentOrigin: the host may watch (getState, play) but not act.
  expect(await call(page, 'step')).toMatchObject({
    refused: expect.stringContaining("needs the frame's parentOrigin"),
  });
  expect(await call(page, 'play')).toMatchObject({ command: 'play', ok: true });
  await page
    .locator('#sandbox')
    .screenshot({ path: test.info().outputPath('embed-sandbox-none.png') });
});
