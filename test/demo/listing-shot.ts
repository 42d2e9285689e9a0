/**
 * A store listing screenshot, 1280 x 800: the console tab as the admin sees it with the toolbar popup open over its
 * top right corner, where the browser draws it. The popup is its own window, so the two screenshots are laid
 * together here (resvg renders the composite).
 */
import { writeFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { Resvg } from '@resvg/resvg-js';
import { SCREENSHOT_SIZE } from '../../lib/listing/listing';

const dataUri = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** `shown`: the popup's part the step is about (a report), scrolled to the top of the popup as the admin would. */
export async function writeListingShot(consolePage: Page, popupPage: Page, file: string, shown?: Locator): Promise<void> {
  const { width, height } = SCREENSHOT_SIZE;
  await shown?.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  // The box hides the credential's text once it loses focus, as it does when the admin moves on.
  const popupSize = await popupPage.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    return { width: innerWidth, height: innerHeight };
  });
  const page = await consolePage.screenshot();
  const popup = await popupPage.screenshot();
  const x = width - popupSize.width - 16;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <image width="${width}" height="${height}" href="${dataUri(page)}"/>
    <rect x="${x - 1}" y="7" width="${popupSize.width + 2}" height="${popupSize.height + 2}" fill="#000" fill-opacity="0.25"/>
    <image x="${x}" y="8" width="${popupSize.width}" height="${popupSize.height}" href="${dataUri(popup)}"/>
  </svg>`;
  await writeFile(file, new Resvg(svg).render().asPng());
}
