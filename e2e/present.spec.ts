import type { Page } from '@playwright/test';
import {
  expect,
  expectNoAxeViolations,
  SIM_START_TIMEOUT,
  test,
  traceHash,
  watchConsole,
} from './fixtures';

/**
 * Instructor mode (issue 18) with two windows, as a class sees it: the audience view on the
 * projector and the presenter view on the instructor's screen, kept in sync over a
 * BroadcastChannel; every key; deep links and "back to script" landing on the scripted trace.
 */
test.describe.configure({ timeout: 240_000 });
test.use({ viewport: { width: 1280, height: 720 } });

const audienceRoot = (page: Page) => page.locator('.present-audience');

/** Waits until the audience shows slide `n` (1-based) with its script run. */
async function settled(page: Page, n: number): Promise<void> {
  const root = audienceRoot(page);
  const long = { timeout: SIM_START_TIMEOUT };
  // On script only once the script has run (R from off-script stays false until then).
  await expect(root).toHaveAttribute('data-slide', String(n), long);
  await expect(root).toHaveAttribute('data-on-script', 'true', long);
  await expect(root).toHaveAttribute('data-busy', 'false', long);
}

/** The trace hash, event count and virtual time of the audience's simulation. */
const trace = (page: Page) => traceHash(page.mainFrame());

async function openAudience(page: Page, query = ''): Promise<void> {
  await page.goto(`./#/present/db-cache${query}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

async function openPresenterWithP(page: Page): Promise<Page> {
  const popup = page.context().waitForEvent('page');
  await page.keyboard.press('p');
  const presenter = await popup;
  await presenter.setViewportSize({ width: 1280, height: 720 });
  await expect(presenter.getByRole('heading', { level: 1, name: /Presenter view/ })).toBeVisible();
  return presenter;
}

test('two windows stay in sync; every key works; answers reach the room only on reveal', async ({
  page,
}) => {
  await openAudience(page);
  await settled(page, 1);
  const presenter = await openPresenterWithP(page);
  const presenterConsole = watchConsole(presenter);
  await expect(presenter.locator('.presenter-link')).toContainText('Audience: slide 1');

  // The audience shows no notes and no answer; the presenter shows both.
  const why = 'With lazy loading the cache is a plain key-value store';
  await expect(page.locator('body')).not.toContainText('Point at the links');
  await expect(page.locator('body')).not.toContainText(why);
  await expect(page.locator('.present-choice-right')).toHaveCount(0);
  await expect(presenter.getByText('Point at the links', { exact: false })).toBeVisible();
  await expect(presenter.getByText(why, { exact: false })).toBeVisible();

  await page.screenshot({ path: test.info().outputPath('audience-1280x720.png') });
  await presenter.screenshot({ path: test.info().outputPath('presenter-1280x720.png') });
  await expectNoAxeViolations(page);
  await expectNoAxeViolations(presenter);

  // Reveal: only now does the room see the answer and why.
  await presenter.getByRole('button', { name: 'Reveal the answer to the room' }).click();
  await expect(page.locator('.present-choice-right')).toContainText('The application');
  await expect(page.getByText(why, { exact: false })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('audience-revealed-1280x720.png') });

  // → in the presenter advances the audience (and hides the answer again on the new slide).
  await presenter.keyboard.press('ArrowRight');
  await settled(page, 2);
  await expect(presenter.locator('.present-presenter')).toHaveAttribute('data-slide', '2');
  // PageDown in the audience advances the presenter.
  await page.keyboard.press('PageDown');
  await settled(page, 3);
  await expect(presenter.locator('.present-presenter')).toHaveAttribute('data-slide', '3');
  await expect(
    presenter.getByRole('heading', { name: /Slide 3 of 6: A stale read/ }),
  ).toBeVisible();
  // PageUp and ← go back (a rebuild of the earlier slide).
  await presenter.keyboard.press('PageUp');
  await settled(page, 2);
  await page.keyboard.press('ArrowLeft');
  await settled(page, 1);
  await expect(presenter.locator('.present-presenter')).toHaveAttribute('data-slide', '1');
  await expect(page.locator('.present-choice-right')).toHaveCount(0);
  await presenter.keyboard.press('ArrowRight');
  await settled(page, 2);
  const scripted = await trace(page);

  // Space plays and pauses the audience's simulation (off script from then on).
  await presenter.keyboard.press(' ');
  await expect(page.locator('.present-clock')).toContainText('playing');
  await expect(audienceRoot(page)).toHaveAttribute('data-on-script', 'false');
  await page.keyboard.press(' ');
  await expect(page.locator('.present-clock')).toContainText('paused');
  expect(await trace(page)).not.toBe(scripted);
  // R: back to script — the same trace as arriving fresh.
  await page.keyboard.press('r');
  await settled(page, 2);
  expect(await trace(page)).toBe(scripted);

  // 1–9: the slide's prepared faults (slide 2 has two), from either window.
  const actions = () =>
    page.evaluate(
      () =>
        (
          window as unknown as { __sim: { snapshot(): { actionsApplied: number } } }
        ).__sim.snapshot().actionsApplied,
    );
  const before = await actions();
  await presenter.keyboard.press('1');
  await expect(audienceRoot(page)).toHaveAttribute('data-on-script', 'false');
  await expect.poll(actions).toBe(before + 1);
  await page.keyboard.press('2');
  await expect.poll(actions).toBe(before + 2);
  await presenter.keyboard.press('9'); // no ninth fault here: nothing happens
  await presenter.getByRole('button', { name: /Back to script/ }).click();
  await settled(page, 2);
  expect(await trace(page)).toBe(scripted);
  await presenter.getByRole('button', { name: /Replace the cache node/ }).click();
  await expect(audienceRoot(page)).toHaveAttribute('data-on-script', 'false');
  await presenter.keyboard.press('R');
  await settled(page, 2);
  expect(await trace(page)).toBe(scripted);

  // B blanks the room's screen, from either window.
  await presenter.keyboard.press('b');
  await expect(page.getByTestId('blank')).toBeVisible();
  await expect(presenter.locator('.presenter-link')).toContainText('screen blank');
  await page.keyboard.press('B');
  await expect(page.getByTestId('blank')).toHaveCount(0);

  // F: full screen and back.
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);

  // ? opens the key map (with this slide's faults), Escape closes it.
  await page.keyboard.press('?');
  const keys = page.getByRole('dialog', { name: 'Keys' });
  await expect(keys).toContainText('Update product 1 in the database');
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(keys).toHaveCount(0);
  await presenter.keyboard.press('?');
  await expect(presenter.getByRole('dialog', { name: 'Keys' })).toBeVisible();
  await presenter.keyboard.press('Escape');

  await presenterConsole.check(test.info());
  // The presenter closes: the audience carries on alone.
  await presenter.close();
  await page.keyboard.press('ArrowRight');
  await settled(page, 3);
  await page.keyboard.press('ArrowLeft');
  await settled(page, 2);
  expect(await trace(page)).toBe(scripted);
  await expect(page.getByRole('button', { name: /^Presenter view/ })).toBeVisible();
});

test('a deep link to slide N lands on the trace of pressing → from slide 1', async ({
  page,
  browser,
}) => {
  await openAudience(page);
  await settled(page, 1);
  for (let n = 2; n <= 4; n++) {
    await page.keyboard.press('ArrowRight');
    await settled(page, n);
  }
  const pressed = await trace(page);
  expect(page.url()).toContain('slide=4');

  // Another browser (no channel to the first): the link alone must rebuild the same state.
  const other = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const linked = await other.newPage();
  const linkedConsole = watchConsole(linked);
  await openAudience(linked, '?slide=4');
  await settled(linked, 4);
  expect(await trace(linked)).toBe(pressed);
  await linkedConsole.check(test.info());
  await other.close();
});

/**
 * The audience view as the back of the room reads it: body text ≥ 24 px, canvas text ≥ 18 px
 * on screen, and nothing scrolls. Sizes are read from the live page.
 */
async function readable(page: Page, at: string): Promise<void> {
  const sizes = await page.evaluate(() => {
    const px = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    const texts = [
      ...document.querySelectorAll(
        '.present-audience h1, .present-caption, .present-question h2, .present-choices li, .present-why, .present-clock, .present-foot button, .present-count',
      ),
    ]
      .filter((el) => el.getClientRects().length > 0)
      .map(px);
    // The picture's own scale (viewBox fit) times the frame's (transform): its screen CTM.
    const svg = document.querySelector('.present-audience svg.topology') as SVGSVGElement;
    const scale = svg.getScreenCTM()!.a;
    const canvas = [...svg.querySelectorAll('text')]
      .filter((t) => t.getBBox().width > 0)
      .map((t) => ({ text: t.textContent ?? '', px: px(t) * scale }));
    const root = document.scrollingElement!;
    return {
      texts,
      canvas,
      scrolls: root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth,
    };
  });
  expect(sizes.texts.length, at).toBeGreaterThan(4);
  expect(Math.min(...sizes.texts), `${at}: body text`).toBeGreaterThanOrEqual(24);
  expect(sizes.canvas.length, at).toBeGreaterThan(5);
  const smallest = sizes.canvas.reduce((a, b) => (b.px < a.px ? b : a));
  expect(smallest.px, `${at}: canvas text ("${smallest.text}")`).toBeGreaterThanOrEqual(18);
  expect(sizes.scrolls, `${at}: scrolls`).toBe(false);
}

test('every slide of every lecture reads from the back of the room at 1280 × 720, its answer too', async ({
  page,
}) => {
  test.setTimeout(900_000);
  // Every lesson has its e-lecture (src/scenarios/registry.ts): the catalog lists them all.
  await page.goto('./#/');
  const hrefs = await page
    .locator('a[href*="#/learn/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const ids = [...new Set(hrefs.map((h) => h.replace(/^.*#\/learn\//, '').replace(/[?].*$/, '')))];
  expect(ids.length).toBeGreaterThanOrEqual(4);
  for (const id of ids) {
    // One page per lecture, walked with →: each slide's sizes read from the live page.
    await page.goto(`./#/present/${id}`);
    await settled(page, 1);
    const total = Number((await page.locator('.present-count').innerText()).split('/')[1]);
    for (let n = 1; n <= total; n++) {
      if (n > 1) {
        await page.keyboard.press('ArrowRight');
        await settled(page, n);
      }
      const question = (await page.locator('.present-question').count()) > 0;
      await readable(page, `${id} slide ${n}`);
      if (n === total || question)
        await page.screenshot({ path: test.info().outputPath(`audience-${id}-${n}-1280x720.png`) });
      if (!question) continue;
      // A reveals the answer (from the audience window alone); the picture keeps its size.
      await page.keyboard.press('a');
      await expect(audienceRoot(page)).toHaveAttribute('data-revealed', 'true');
      await expect(page.locator('.present-choice-right')).toBeInViewport({ ratio: 1 });
      await expect(page.locator('.present-why')).toBeInViewport({ ratio: 1 });
      // Whole, not cut off by the question's box (it hides what overflows).
      const cut = await page
        .locator('.present-question')
        .evaluate(
          (q) =>
            q.querySelector('.present-why')!.getBoundingClientRect().bottom -
            q.getBoundingClientRect().bottom,
        );
      expect(cut, `${id} slide ${n}: the why is cut off`).toBeLessThanOrEqual(1);
      await readable(page, `${id} slide ${n} revealed`);
      await page.screenshot({
        path: test.info().outputPath(`audience-${id}-${n}-revealed-1280x720.png`),
      });
    }
  }
  await expectNoAxeViolations(page);
});

test('a bad slide in the link opens slide 1 and says why', async ({ page }) => {
  await openAudience(page, '?slide=99');
  await settled(page, 1);
  await expect(page.getByRole('alert')).toContainText('slides 1 to 6');
});
