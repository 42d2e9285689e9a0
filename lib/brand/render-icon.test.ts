// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ICON_SIZES } from './icons';
import { renderIcon } from './render-icon';

/** WCAG relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */
function luminance([r, g, b]: readonly number[]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
}
function contrast(a: readonly number[], b: readonly number[]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Opaque pixel colours of the smallest rendering, most frequent first (resvg gives premultiplied RGBA). */
function opaqueColours(size: number): number[][] {
  const { rgba } = renderIcon(size);
  const counts = new Map<string, number>();
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3] === 255) counts.set(`${rgba[i]},${rgba[i + 1]},${rgba[i + 2]}`, (counts.get(`${rgba[i]},${rgba[i + 1]},${rgba[i + 2]}`) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([key]) => key.split(',').map(Number));
}

// Toolbar colours of the default light and dark themes: Chrome (white, #35363a) and Firefox (#f9f9fb, #2b2a33).
const TOOLBARS = { 'Chrome light': [255, 255, 255], 'Chrome dark': [0x35, 0x36, 0x3a], 'Firefox light': [0xf9, 0xf9, 0xfb], 'Firefox dark': [0x2b, 0x2a, 0x33] };

describe('the icon rendered from icon.svg', () => {
  it('is rendered square at every size the manifest names', () => {
    for (const size of ICON_SIZES) expect(renderIcon(size).rgba.length).toBe(size * size * 4);
  });

  // 3:1 is WCAG's minimum for graphical objects (https://www.w3.org/WAI/WCAG21/Understanding/non-text-contrast.html).
  it.each(Object.entries(TOOLBARS))('stands out on the %s toolbar, and its key on its tile, at 16 px', (_name, toolbar) => {
    const [tile, ...rest] = opaqueColours(16);
    const glyph = rest.reduce((brightest, colour) => (luminance(colour) > luminance(brightest) ? colour : brightest), tile!);
    expect(contrast(tile!, toolbar)).toBeGreaterThanOrEqual(3);
    expect(contrast(glyph, tile!)).toBeGreaterThanOrEqual(3);
  });
});
