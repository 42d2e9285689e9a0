/**
 * The built manifests (Chrome MV3, Firefox MV2) name every icon size, for the extension and its toolbar button, and
 * each file is a PNG of exactly that many pixels. No browser: it reads the build output.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ICON_SIZES, TOOLBAR_ICON_SIZES } from '../../lib/brand/icons';

const BUILDS = { chrome: { dir: '.output/chrome-mv3', action: 'action' }, firefox: { dir: '.output/firefox-mv2', action: 'browser_action' } };

/** Width and height from a PNG's IHDR chunk, which the format puts first (https://www.w3.org/TR/png/#11IHDR). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is a PNG`).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

for (const [browser, { dir, action }] of Object.entries(BUILDS)) {
  test(`the ${browser} build names every icon size and each file has that many pixels`, () => {
    const manifest = JSON.parse(readFileSync(path.resolve(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const icons = manifest.icons as Record<string, string>;
    const toolbar = (manifest[action] as { default_icon: Record<string, string> }).default_icon;
    expect(Object.keys(icons).map(Number).sort((a, b) => a - b)).toEqual([...ICON_SIZES]);
    expect(Object.keys(toolbar).map(Number).sort((a, b) => a - b)).toEqual([...TOOLBAR_ICON_SIZES]);
    for (const [size, file] of [...Object.entries(icons), ...Object.entries(toolbar)]) {
      const built = path.resolve(dir, file);
      expect(existsSync(built), built).toBe(true);
      expect(pngSize(built)).toEqual({ width: Number(size), height: Number(size) });
    }
  });
}
