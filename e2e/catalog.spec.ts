import { test, expect, expectNoAxeViolations, snap } from './fixtures';
import { scenarios } from '../src/scenarios/registry';

test('the catalog lists every registered scenario and its links work', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Catalog' })).toHaveAttribute('aria-current', 'page');
  for (const s of scenarios) {
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 2, name: s.title }) });
    await expect(card).toBeVisible();
    await expect(card.getByRole('link', { name: s.title })).toHaveAttribute(
      'href',
      s.id === 'sandbox' ? '#/sandbox' : `#/learn/${s.id}`,
    );
    await expect(card).toContainText(s.status === 'ready' ? 'Ready' : 'Coming soon');
  }
  await snap(page, 'catalog');

  await page.getByRole('link', { name: 'Sandbox' }).first().click();
  await expect(page).toHaveURL(/#\/sandbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sandbox' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Sandbox' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Catalog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible();
});

test('the catalog has no axe violations', async ({ page }) => {
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('an unknown route shows not-found with a way back', async ({ page }) => {
  await page.goto('./#/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByText('no page at “/no/such/page”')).toBeVisible();
  await snap(page, 'not-found-route');
  await page.getByRole('link', { name: 'Back to the catalog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible();
});

test('an unknown scenario id shows not-found with a way back', async ({ page }) => {
  for (const mode of ['learn', 'present', 'embed']) {
    await page.goto(`./#/${mode}/no-such-scenario`);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page.getByText('no scenario called “no-such-scenario”')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Back to the catalog' })).toHaveAttribute(
      'href',
      '#/',
    );
  }
});
