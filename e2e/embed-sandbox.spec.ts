import { expect, expectNoAxeViolations, test, traceHash } from './fixtures';
import {
  call,
  coursePage,
  eventsOf,
  expectFitsContent,
  expectFitsEachWidth,
  frameOf,
  postRaw,
  startHostPage,
  type FrameSpec,
  type HostPage,
} from './host-page';

/**
 * `#/embed/sandbox` on a course page of another site (127.0.0.2): the sandbox in the embed
 * layout, auto-resized, driven by the host through public/embed.js where the API applies.
 */
test.describe.configure({ timeout: 300_000 });
const SLOW = { timeout: 150_000 };

const SANDBOX: FrameSpec = {
  id: 'sandbox',
  title: 'ElastiCache Simulator sandbox',
  height: 400,
  heading: 'Try it yourself',
};

let host: HostPage;
let appOrigin: string;
test.beforeAll(async ({ baseURL }) => {
  appOrigin = new URL(baseURL!).origin;
  host = await startHostPage();
  const full = `${appOrigin}/#/embed/sandbox?seed=7&step=3&parentOrigin=${encodeURIComponent(host.origin)}`;
  host.pages['/sandbox.html'] = coursePage(SANDBOX, full, appOrigin);
  const bare = `${appOrigin}/#/embed/sandbox?seed=7&controls=none&system=mainframe`;
  host.pages['/bare.html'] = coursePage(SANDBOX, bare, appOrigin);
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
  const frame = await frameOf(page, SANDBOX.id);
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
  await expectFitsContent(page, frame, SANDBOX.id);

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
  await postRaw(page, SANDBOX.id, '{"type":"ecsim.v1.step","__proto__":{"x":1}}', appOrigin);
  await postRaw(page, SANDBOX.id, '{"type":"ecsim.v2.step"}', appOrigin);
  await expect
    .poll(async () => (await eventsOf(page, 'ecsim.v1.rejected')).length)
    .toBe(rejectedBefore + 2);
  expect(await traceHash(frame)).toBe(hash);

  // Reset starts the system over from its seed.
  expect(await call(page, 'reset')).toMatchObject({ command: 'reset', ok: true });
  await expect.poll(async () => (await call(page, 'getState')).eventsProcessed, SLOW).toBe(0);
  await expect(sandbox.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);

  await expectNoAxeViolations(page);

  await expectFitsEachWidth(page, frame, SANDBOX.id, 'embed-sandbox');
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
