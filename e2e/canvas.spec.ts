import type { Page } from '@playwright/test';
import { expect, readStats, test } from './fixtures';

/** PostgreSQL starts in the worker: on a machine shared by several engineers, up to minutes. */
const START_TIMEOUT = 150_000;

/** Every page a student learns on, by the route and its h1. */
const SCENARIOS = [
  { id: 'sandbox', path: './#/sandbox?seed=42&play=0', title: 'Sandbox' },
  { id: 'db-cache', path: './#/learn/db-cache?seed=42', title: 'Database cache' },
  { id: 'session-store', path: './#/learn/session-store?seed=42', title: 'Session store' },
] as const;

const SIZES = [
  { width: 1280, height: 720 },
  { width: 800, height: 600 },
  { width: 390, height: 844 },
] as const;

async function open(page: Page, path: string, title: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Play|Pause)/ })).toBeEnabled({
    timeout: START_TIMEOUT,
  });
}

/** The element's box, and whether all of it is inside the viewport (no scrolling needed). */
async function inView(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return {
        area: r.width * r.height,
        whole: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
        topVisible: r.top >= 0 && r.top < innerHeight - 16,
      };
    });
}

/** The smallest text drawn in the canvas, in CSS px (font size × the picture's scale). */
async function smallestCanvasText(page: Page): Promise<number> {
  return page.locator('svg.topology').evaluate((svg: SVGSVGElement) => {
    const scale = svg.getScreenCTM()?.a ?? 1;
    let min = Infinity;
    for (const t of svg.querySelectorAll('text')) {
      if (!t.textContent?.trim() || t.getBBox().width === 0) continue;
      min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
    }
    return min;
  });
}

/** Each statechart: whether it fits its panel without scrolling sideways, and its smallest text. */
async function statecharts(page: Page): Promise<{ fits: boolean; smallest: number }[]> {
  return page.locator('.statechart-scroll').evaluateAll((boxes) =>
    boxes.map((box) => {
      const svg = box.querySelector('svg')!;
      const scale = svg.getScreenCTM()?.a ?? 1;
      let smallest = Infinity;
      for (const t of svg.querySelectorAll('text'))
        if (t.textContent?.trim())
          smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
      return { fits: box.scrollWidth <= box.clientWidth, smallest };
    }),
  );
}

test.describe('picture first', () => {
  // One load per scenario (PostgreSQL starts in the worker: seconds on a busy machine); the
  // viewport and the colour scheme change on the loaded page, as a student's window would.
  for (const s of SCENARIOS) {
    test(`${s.id}: canvas, step and Play in view at 1280×720, 800×600 and 390×844, both themes`, async ({
      page,
    }) => {
      test.setTimeout(300_000);
      await page.setViewportSize(SIZES[0]);
      await open(page, s.path, s.title);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.waitForTimeout(400);
        const at = `${s.id} at ${size.width}×${size.height}`;
        const canvas = await inView(page, '.topology-box');
        expect(canvas.whole, `${at}: the canvas is in view`).toBe(true);
        const play = await inView(page, '.controls .btn-primary');
        expect(play.whole, `${at}: Play is in view`).toBe(true);
        const step = await inView(
          page,
          s.id === 'sandbox' ? '#state-heading' : '#lesson-step-heading',
        );
        expect(step.topVisible, `${at}: the step (or state) starts in view`).toBe(true);
        if (size.width === 1280) {
          expect(
            canvas.area / (size.width * size.height),
            `${at}: canvas share of the viewport`,
          ).toBeGreaterThanOrEqual(0.5);
          expect(
            await smallestCanvasText(page),
            `${at}: smallest canvas text`,
          ).toBeGreaterThanOrEqual(13.95);
          // The lesson's statechart: whole in its panel, its text at the canvas's floor.
          for (const chart of await statecharts(page)) {
            expect(chart.fits, `${at}: the statechart fits its panel`).toBe(true);
            expect(chart.smallest, `${at}: smallest statechart text`).toBeGreaterThanOrEqual(13.95);
          }
        }
        for (const theme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: theme });
          await page.waitForTimeout(200);
          await page.screenshot({
            path: test.info().outputPath(`${s.id}-${size.width}x${size.height}-${theme}.png`),
          });
        }
        await page.emulateMedia({ colorScheme: 'light' });
      }
    });
  }
});

test.describe('two time scales', () => {
  test('packets at 1 ms/s; flows with rate labels at 10 s/s, the hit-ratio chart growing', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, SCENARIOS[1].path, SCENARIOS[1].title);
    // A lesson opens paused on its first step: nothing moves until the student starts it.
    await page.getByRole('button', { name: /^Play/ }).click();
    const svg = page.locator('svg.topology');
    await expect(svg).toHaveAttribute('data-view', 'packets');
    await expect(page.getByTestId('packet').first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('narration')).toContainText('Showing packets', {
      timeout: 20_000,
    });

    // Up the ladder to 10 s/s with the + key: the same links now carry rates.
    await page.getByRole('heading', { level: 1 }).click();
    const speed = page.getByRole('status', { name: 'Current speed' });
    for (let i = 0; i < 12 && (await speed.innerText()) !== '10 s/s'; i++)
      await page.keyboard.press('+');
    await expect(speed).toHaveText('10 s/s');
    await expect(svg).toHaveAttribute('data-view', 'flows');
    await expect(page.getByTestId('packet')).toHaveCount(0);
    await expect(page.getByTestId('flow-link').first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('flow-rate').first()).toHaveText(/\d[\d,.]* req\/s/);
    await expect(page.getByTestId('narration')).toContainText(/Showing rates, [\d,.]+ req\/s/, {
      timeout: 20_000,
    });
    await expect(page.getByTestId('view-caption')).toContainText('Rates');

    // The hit-ratio sparkline gains points while playing: nobody pressed Run ahead.
    const chart = page.locator('[data-metric="CacheHitRate"] svg.sparkline');
    const lastT = async () => Number((await chart.getAttribute('data-last-t')) || 0);
    const before = await lastT();
    const pointsBefore = Number(await chart.getAttribute('data-points'));
    await expect.poll(lastT, { timeout: 20_000 }).toBeGreaterThan(before + 5_000_000);
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(pointsBefore);
    await expect(page.getByRole('button', { name: /^Pause/ })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('db-cache-flows-1280x720.png') });
  });
});

test.describe('the timeline', () => {
  test('scrubbing back shows the trace hash the run had at that time', async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, SCENARIOS[0].path, SCENARIOS[0].title);
    await page.getByRole('button', { name: /^Play/ }).click();
    await page.waitForTimeout(1_500);
    await page.getByRole('button', { name: /^Pause/ }).click();
    await expect(page.getByRole('button', { name: /^Play/ })).toBeVisible();
    const first = await readStats(page);

    await page.getByRole('combobox', { name: 'Fast-forward length' }).selectOption('10 s');
    await page.getByRole('button', { name: /^Fast-forward 10 s/ }).click();
    await expect(page.getByRole('button', { name: /^Fast-forward 10 s/ })).toBeEnabled({
      timeout: 120_000,
    });
    const later = await readStats(page);
    expect(later.hash).not.toBe(first.hash);

    // One step back on the timeline: the moment the run was paused at, rebuilt from seed + log.
    const slider = page.getByRole('slider', { name: 'Time', exact: true });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(async () => (await readStats(page)).time, { timeout: 60_000 })
      .toBe(first.time);
    expect((await readStats(page)).hash).toBe(first.hash);

    // And forward again to where it had got: the same hash as when it first got there.
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => (await readStats(page)).time, { timeout: 60_000 })
      .toBe(later.time);
    expect((await readStats(page)).hash).toBe(later.hash);
  });
});

test.describe('faults from the canvas', () => {
  test('click a node → its panel; fail it there → down on the canvas and in the event log', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, SCENARIOS[2].path, SCENARIOS[2].title);
    const node = page.locator('svg.topology [data-node="app-1"]');
    await node.click();
    const panel = page.getByRole('region', { name: 'App instance 1' });
    await expect(panel).toBeVisible();
    await expect(panel).toContainText('AZ');
    await expect(panel.getByTestId('node-panel-state')).toContainText('Up');
    await panel.getByRole('button', { name: 'Terminate an instance' }).click();
    await expect(panel.getByTestId('node-panel-state')).toContainText('Down');
    await expect(node).toHaveAttribute('aria-label', /down/);
    await expect(node).toHaveClass(/node-down/);
    await expect(
      page
        .getByRole('list', { name: 'Event log' })
        .getByRole('listitem')
        .filter({ hasText: 'App instance 1 is down' }),
    ).not.toHaveCount(0, { timeout: 20_000 });
    await page.screenshot({ path: test.info().outputPath('session-store-node-panel.png') });
    // Escape closes the panel and gives focus back to the node.
    await panel.getByRole('button', { name: /^Close/ }).focus();
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(node).toBeFocused();
  });
});

test.describe('a phone held upright', () => {
  test('a wide picture pans sideways and opens on its nodes, not on its row labels', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 390, height: 844 });
    // Two cache groups with labels in a gutter (up to 210 px) left of three AZ columns.
    await open(page, './#/learn/redis-vs-memcached?seed=42', 'Redis vs Memcached');
    const box = page.locator('.topology-box');
    await expect(box).toHaveClass(/topology-box-pan/);
    const seen = await box.evaluate((el) => {
      const view = el.getBoundingClientRect();
      const cards = [...el.querySelectorAll('.node')].map((n) => n.getBoundingClientRect());
      const whole = cards.filter((r) => r.left >= view.left - 0.5 && r.right <= view.right + 0.5);
      return { pans: el.scrollWidth > el.clientWidth, cards: cards.length, whole: whole.length };
    });
    expect(seen.pans, 'the picture pans sideways').toBe(true);
    expect(seen.cards).toBeGreaterThan(3);
    expect(seen.whole, 'node cards wholly in view on open').toBeGreaterThan(0);
    await page.screenshot({ path: test.info().outputPath('redis-vs-memcached-390x844.png') });
  });
});
