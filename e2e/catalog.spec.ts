import { test, expect, expectNoAxeViolations, snap } from './fixtures';

test('the catalog lists the scenarios and its links work', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Catalog' })).toHaveAttribute('aria-current', 'page');
  for (const title of ['Sandbox', 'Database cache', 'Session store']) {
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }
  await snap(page, 'catalog');

  await page.getByRole('link', { name: 'Database cache' }).click();
  await expect(page).toHaveURL(/#\/learn\/db-cache$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Database cache' })).toBeVisible();
  await expect(page.getByText('Coming soon')).toBeVisible();
  await snap(page, 'coming-soon');
  await page.getByRole('link', { name: 'Back to the catalog' }).click();

  await page.getByRole('link', { name: 'Sandbox' }).first().click();
  await expect(page).toHaveURL(/#\/sandbox$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sandbox' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Sandbox' })).toHaveAttribute('aria-current', 'page');
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
