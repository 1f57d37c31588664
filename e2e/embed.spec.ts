import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
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
 * A course page on another site (127.0.0.2, see host-page.ts) embeds the lesson frame served
 * from 127.0.0.1 and drives it with public/embed.js — issue 19's promises, end to end.
 */
test.describe.configure({ timeout: 300_000 });
const SLOW = { timeout: 150_000 };

const LESSON: FrameSpec = {
  id: 'lesson',
  title: 'ElastiCache Simulator lesson',
  height: 600,
  heading: 'Week 3: caching',
};
const lessonFrame = (page: Page) => frameOf(page, LESSON.id);

let host: HostPage;
let appOrigin: string;
test.beforeAll(async ({ baseURL }) => {
  appOrigin = new URL(baseURL!).origin;
  host = await startHostPage();
  const allowed = `${appOrigin}/#/embed/db-cache?seed=42&parentOrigin=${encodeURIComponent(host.origin)}`;
  host.pages['/course.html'] = coursePage(LESSON, allowed, appOrigin);
  // Allow-listed for another site only, and with a bad parameter.
  const other = `${appOrigin}/#/embed/db-cache?seed=42&controls=huge&parentOrigin=https://lms.example.edu`;
  host.pages['/other.html'] = coursePage(LESSON, other, appOrigin);
});
test.afterAll(async () => host.close());

test('the course page resizes the frame, drives it and hears its events', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(`${host.origin}/course.html`);
  await expect.poll(() => eventsOf(page, 'ecsim.v1.ready'), SLOW).toHaveLength(1);
  const [ready] = await eventsOf(page, 'ecsim.v1.ready');
  expect(ready).toMatchObject({ version: 1, scenario: 'db-cache', steps: 10, readOnly: false });
  const frame = await lessonFrame(page);
  const play = page.frameLocator('#lesson').getByRole('button', { name: /^(Play|Pause)/ });
  await expect(play).toBeEnabled(SLOW);

  // Auto-resize: the iframe's height becomes its content's, not the 600 px it started at.
  const content = await expectFitsContent(page, frame, LESSON.id);
  expect(content).toBeGreaterThan(700);
  // It said so in our format; embed.js read it (H5P's format is checked at the three widths).
  const [resized] = (await eventsOf(page, 'ecsim.v1.resize')).slice(-1);
  expect(resized!.height as number).toBeCloseTo(content, -1);

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
  for (const m of hostile) await postRaw(page, LESSON.id, JSON.stringify(m), appOrigin);
  await postRaw(page, LESSON.id, '{"type":"ecsim.v1.step","__proto__":{"x":1}}', appOrigin);
  await expect
    .poll(async () => (await eventsOf(page, 'ecsim.v1.rejected')).length)
    .toBe(rejectedBefore + 4);
  const state = await call(page, 'getState');
  expect(state.rejected).toBe(rejectedBefore + 4);
  expect(await traceHash(frame)).toBe(hash);

  // A quiz answer and the lesson's end reach the host as xAPI-shaped results.
  const lesson = page.frameLocator(`#${LESSON.id}`);
  // Offered once step 1's goal (met above) is done.
  const item = lesson.locator('[data-quiz="miss-penalty"]');
  await item.getByLabel(/^Three trips, all made by the app/).check();
  await item.getByRole('button', { name: 'Check answer' }).click();
  await expect.poll(() => eventsOf(page, 'ecsim.v1.quizAnswered')).toHaveLength(1);
  const [answer] = await eventsOf(page, 'ecsim.v1.quizAnswered');
  expect(answer).toMatchObject({
    scenario: 'db-cache',
    itemId: 'miss-penalty',
    choiceId: 'three',
    correct: true,
    statement: {
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
      object: { id: `${appOrigin}/scenarios/db-cache/quiz/miss-penalty` },
      result: { success: true, response: 'three' },
    },
  });
  // The last step skipped (after its hints, as the panel asks): the lesson ends with its score.
  expect(await call(page, 'goto', 10)).toMatchObject({ command: 'goto', ok: true });
  const skip = lesson.getByRole('button', { name: 'Skip step' });
  for (let i = 0; i < 8 && !(await skip.isVisible()); i++)
    await lesson.getByRole('button', { name: /^(Hint|Next hint)$/ }).click();
  await skip.click();
  await expect.poll(() => eventsOf(page, 'ecsim.v1.lessonCompleted')).toHaveLength(1);
  const [done] = await eventsOf(page, 'ecsim.v1.lessonCompleted');
  const end = await call(page, 'getState');
  const goalsMet = (end.met as string[]).length;
  const score = { raw: goalsMet + 1, max: 10 + (end.quiz as { total: number }).total };
  expect(end).toMatchObject({ step: 11, quiz: { answered: 1, correct: 1 } });
  expect(done).toMatchObject({
    scenario: 'db-cache',
    score: { ...score, scaled: Math.round((score.raw / score.max) * 10_000) / 10_000 },
    statement: {
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: `${appOrigin}/scenarios/db-cache` },
      result: { success: false, completion: true, score: { ...score, min: 0 } },
    },
  });

  // Reset starts the lesson over: a new ready, virtual time back at 0.
  expect(await call(page, 'reset')).toMatchObject({ command: 'reset', ok: true });
  await expect.poll(() => eventsOf(page, 'ecsim.v1.ready'), SLOW).toHaveLength(2);
  await expect.poll(async () => (await call(page, 'getState')).nowUs, SLOW).toBe(0);

  // Accessible inside the frame (axe runs in every frame, the cross-origin one too).
  await expect(play).toBeEnabled(SLOW);
  await expectNoAxeViolations(page);

  // The frame at three widths, resized by its own reports.
  // H5P's resizer message too, for LMS pages that run h5p-resizer.js instead of embed.js.
  await page.evaluate(() => {
    const w = window as unknown as { h5p: unknown[] };
    w.h5p = [];
    window.addEventListener('message', (e: MessageEvent<{ context?: string }>) => {
      if (e.data?.context === 'h5p') w.h5p.push(e.data);
    });
  });
  await expectFitsEachWidth(page, frame, LESSON.id, 'embed');
  const h5p = await page.evaluate(() => (window as unknown as { h5p: unknown[] }).h5p);
  expect(h5p.length).toBeGreaterThan(0);
  expect(h5p.at(-1)).toEqual({
    context: 'h5p',
    action: 'resize',
    scrollHeight: (await eventsOf(page, 'ecsim.v1.resize')).at(-1)!.height,
  });
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
  const frame = await lessonFrame(page);
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
