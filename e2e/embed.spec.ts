import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startHostPage, type HostPage } from './host-page';

/**
 * A course page on another site (127.0.0.2, see host-page.ts) embeds the lesson frame served
 * from 127.0.0.1 and drives it with public/embed.js — issue 19's promises, end to end.
 */
test.describe.configure({ timeout: 300_000 });
const SLOW = { timeout: 150_000 };

type Msg = { type: string; [k: string]: unknown };
type HostWindow = {
  events: Msg[];
  sim: Record<string, (...x: unknown[]) => Promise<Msg>>;
};

function coursePage(frameSrc: string, appOrigin: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title>
<link rel="icon" href="data:,"><style>body{margin:0;padding:8px;font-family:sans-serif}</style></head>
<body><header><h1>Week 3: caching</h1></header>
<main aria-label="Course"><iframe id="lesson" title="ElastiCache Simulator lesson" src="${frameSrc}" style="width:100%;height:600px;border:0"></iframe></main>

<script>
  window.events = [];
  window.addEventListener('message', (e) => {
    if (e.origin === '${appOrigin}' && e.data && typeof e.data.type === 'string') window.events.push(e.data);
  });
</script>
<script src="${appOrigin}/embed.js"></script>
<script>window.sim = ECSim.connect(document.getElementById('lesson'));</script>
</body></html>`;
}

const eventsOf = (page: Page, type: string): Promise<Msg[]> =>
  page.evaluate((t) => (window as unknown as HostWindow).events.filter((m) => m.type === t), type);

/** Calls a method of the page's ECSim connection: the frame's reply, or `{ refused }`. */
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

/**
 * Posts raw data to the frame, as a careless or hostile host would. The data is JSON, parsed in
 * the page, so a `__proto__` key arrives as an own property (as a real host's JSON.parse makes it).
 */
const postRaw = (page: Page, json: string, target: string) =>
  page.evaluate(
    ([d, t]) =>
      (document.getElementById('lesson') as HTMLIFrameElement).contentWindow!.postMessage(
        JSON.parse(d),
        t,
      ),
    [json, target] as [string, string],
  );

function lessonFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('#/embed/'));
  if (!frame) throw new Error('no lesson frame');
  return frame;
}

/** The run's fingerprint: trace hash, events processed and virtual time (read in the frame). */
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
  const allowed = `${appOrigin}/#/embed/db-cache?seed=42&parentOrigin=${encodeURIComponent(host.origin)}`;
  host.pages['/course.html'] = coursePage(allowed, appOrigin);
  // Allow-listed for another site only, and with a bad parameter.
  const other = `${appOrigin}/#/embed/db-cache?seed=42&controls=huge&parentOrigin=https://lms.example.edu`;
  host.pages['/other.html'] = coursePage(other, appOrigin);
});
test.afterAll(async () => host.close());

test('the course page resizes the frame, drives it and hears its events', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(`${host.origin}/course.html`);
  await expect.poll(() => eventsOf(page, 'ecsim.v1.ready'), SLOW).toHaveLength(1);
  const [ready] = await eventsOf(page, 'ecsim.v1.ready');
  expect(ready).toMatchObject({ version: 1, scenario: 'db-cache', steps: 10, readOnly: false });
  const frame = lessonFrame(page);
  const play = page.frameLocator('#lesson').getByRole('button', { name: /^(Play|Pause)/ });
  await expect(play).toBeEnabled(SLOW);

  // Auto-resize: the iframe's height becomes its content's, not the 600 px it started at.
  const content = await frame.evaluate(() =>
    Math.ceil(document.getElementById('root')!.getBoundingClientRect().height),
  );
  await expect
    .poll(async () =>
      page.evaluate(() => document.getElementById('lesson')!.getBoundingClientRect().height),
    )
    .toBeCloseTo(content, -1);
  expect(content).toBeGreaterThan(700);

  const before = await call(page, 'getState');
  expect(before).toMatchObject({ type: 'ecsim.v1.state', step: 1, steps: 10, playing: false });
  // Chromium may deny storage to a cross-site frame by default: `saved` says which, and the
  // quiet note appears exactly when it is false.
  const note = page.frameLocator('#lesson').getByText(/Progress is not saved here/);
  await expect(note).toHaveCount(before.saved ? 0 : 1);

  // Step, then an action, then a goal via play.
  expect(await call(page, 'step')).toMatchObject({
    type: 'ecsim.v1.result',
    command: 'step',
    ok: true,
  });
  await expect
    .poll(async () => (await call(page, 'getState')).eventsProcessed)
    .toBe((before.eventsProcessed as number) + 1);
  expect(await call(page, 'act', { type: 'ttl.set', params: { seconds: 30 } })).toMatchObject({
    command: 'act',
    ok: true,
  });
  expect(await call(page, 'act', { type: 'no.such' })).toMatchObject({ type: 'refused' });
  await call(page, 'setSpeed', 0.01);
  expect(await call(page, 'play')).toMatchObject({ command: 'play', ok: true });
  await expect.poll(() => eventsOf(page, 'ecsim.v1.goalCompleted'), SLOW).not.toHaveLength(0);
  const [goal] = await eventsOf(page, 'ecsim.v1.goalCompleted');
  expect(goal).toMatchObject({
    scenario: 'db-cache',
    step: 1,
    statement: {
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: `${appOrigin}/scenarios/db-cache/goals/${String(goal!.goalId)}` },
      result: { success: true, completion: true },
    },
  });
  const changes = await eventsOf(page, 'ecsim.v1.stateChanged');
  expect(changes.some((c) => c.playing === true)).toBe(true);
  expect(await call(page, 'pause')).toMatchObject({ command: 'pause', ok: true });
  expect(await call(page, 'goto', 3)).toMatchObject({ command: 'goto', ok: true });
  await expect.poll(async () => (await call(page, 'getState')).step).toBe(3);

  // Bad messages change nothing: the trace hash stays, each is answered and counted.
  const hash = await traceHash(frame);
  expect(hash).not.toBe('');
  const rejectedBefore = (await eventsOf(page, 'ecsim.v1.rejected')).length;
  const hostile = [
    { type: 'ecsim.v1.goto', step: 99 },
    { type: 'ecsim.v2.play' },
    { type: 'ecsim.v1.act', action: { type: 'ttl.set', params: { seconds: 'x'.repeat(5_000) } } },
  ];
  for (const m of hostile) await postRaw(page, JSON.stringify(m), appOrigin);
  await postRaw(page, '{"type":"ecsim.v1.step","__proto__":{"x":1}}', appOrigin);
  await expect
    .poll(async () => (await eventsOf(page, 'ecsim.v1.rejected')).length)
    .toBe(rejectedBefore + 4);
  const state = await call(page, 'getState');
  expect(state.rejected).toBe(rejectedBefore + 4);
  expect(await traceHash(frame)).toBe(hash);

  // Reset starts the lesson over: a new ready, virtual time back at 0.
  expect(await call(page, 'reset')).toMatchObject({ command: 'reset', ok: true });
  await expect.poll(() => eventsOf(page, 'ecsim.v1.ready'), SLOW).toHaveLength(2);
  await expect.poll(async () => (await call(page, 'getState')).nowUs, SLOW).toBe(0);

  // Accessible inside the frame (axe runs in every frame, the cross-origin one too).
  await expect(play).toBeEnabled(SLOW);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  // The frame at three widths, resized by its own reports.
  for (const width of [320, 800, 1280]) {
    await page.setViewportSize({ width: width + 16, height: 700 });
    await page.waitForTimeout(600);
    const h = await frame.evaluate(() =>
      Math.ceil(document.getElementById('root')!.getBoundingClientRect().height),
    );
    await expect
      .poll(() =>
        page.evaluate(() => document.getElementById('lesson')!.getBoundingClientRect().height),
      )
      .toBeCloseTo(h, -1);
    const overflow = await frame.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, `no sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
    await page
      .locator('#lesson')
      .screenshot({ path: test.info().outputPath(`embed-${width}.png`) });
  }
});

test('a page not on the allow-list changes nothing, and a bad parameter is named', async ({
  page,
}) => {
  await page.goto(`${host.origin}/other.html`);
  const lesson = page.frameLocator('#lesson');
  await expect(lesson.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);
  await expect(
    lesson.getByRole('alert').filter({ hasText: 'The parameter "controls"' }),
  ).toContainText('so the default (full) is used');
  // Events go only to the allowed origin: this page hears no ready.
  expect(await eventsOf(page, 'ecsim.v1.ready')).toHaveLength(0);
  const frame = lessonFrame(page);
  const hash = await traceHash(frame);
  expect(await call(page, 'step')).toMatchObject({
    refused: expect.stringContaining('not accepted'),
  });
  expect(await call(page, 'act', { type: 'ttl.set', params: { seconds: 5 } })).toMatchObject({
    refused: expect.stringContaining('parentOrigin does not list'),
  });
  expect(await call(page, 'play')).toMatchObject({
    refused: expect.stringContaining('not accepted'),
  });
  await page.waitForTimeout(500);
  expect(await traceHash(frame)).toBe(hash);
  await expect(lesson.getByRole('button', { name: /^Play/ })).toBeVisible();
  await page.locator('#lesson').screenshot({ path: test.info().outputPath('embed-bad-param.png') });
});

test('the Embed dialog builds the snippet from the chosen options, with a live preview', async ({
  page,
}) => {
  await page.goto('./#/learn/db-cache?seed=42');
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ }).first()).toBeEnabled(SLOW);
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this lesson' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Controls').selectOption('minimal');
  await dialog.getByLabel('Theme').selectOption('dark');
  await dialog
    .getByLabel('Pages allowed to drive the lesson (origins, comma-separated)')
    .fill('https://lms.example.edu, not an origin');
  await expect(dialog.getByText('“not” is not an origin')).toBeVisible();
  const snippet = await dialog.getByLabel('Snippet').inputValue();
  expect(snippet).toContain('#/embed/db-cache?seed=42&amp;controls=minimal&amp;theme=dark');
  expect(snippet).toContain('parentOrigin=https%3A%2F%2Flms.example.edu"');
  expect(snippet).toContain('embed.js" async></script>');
  const preview = page.frameLocator('iframe[title="Preview of the embedded lesson"]');
  await expect(preview.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled(SLOW);
  // The preview is minimal: no goal list, no lesson tools.
  await expect(preview.getByRole('group', { name: 'Lesson tools' })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('embed-dialog.png') });
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
