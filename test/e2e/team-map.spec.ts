/**
 * A team-sized environment map in the built extension: a 2,000-row settings file imported through Options, the map
 * drawn a page at a time, a tenant found by typing, the next page reached with the keyboard alone.
 */
import { EXPORT_FORMAT } from '../../lib/settings/transfer';
import { teamTenants } from '../fixtures/team-map';
import { storedSettingsIn } from './extension-page';
import { expect, test } from './harness';

test('Options imports a 2,000-row map, draws 50 rows, finds a tenant by typing, and shows more from the keyboard', async ({ context, extensionId }) => {
  const tenants = teamTenants(2_000);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByLabel('Import settings file').setInputFiles({
    name: 'team.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: EXPORT_FORMAT, version: 1, tenants })),
  });
  await expect(options.getByText('Imported team.json: 2000 tenants and 0 console origins.')).toBeVisible({ timeout: 15_000 });
  expect((await storedSettingsIn(options)).tenants).toHaveLength(2_000);

  const table = options.getByRole('table', { name: 'Console tenants' });
  const rowHeaders = table.getByRole('rowheader');
  await expect(rowHeaders).toHaveCount(50);
  await expect(options.getByText('Showing 50 of 2000 tenants.')).toBeVisible();

  // The keyboard's way: the button focused, Enter draws the next page.
  const more = options.getByRole('button', { name: 'Show 50 more' });
  await more.focus();
  await options.keyboard.press('Enter');
  await expect(rowHeaders).toHaveCount(100);

  const find = options.getByRole('searchbox', { name: 'Find a tenant' });
  await find.focus();
  await options.keyboard.type('customer-612-production');
  await expect(rowHeaders).toHaveText(['https://customer-612-production.forgeblocks.com']);
  await expect(options.getByText('Showing 1 of 1 matching tenants.')).toBeVisible();
});
