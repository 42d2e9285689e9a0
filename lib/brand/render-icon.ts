/** Renders icon.svg to a PNG of `size` px square (Node only: the build and the tests call it, never the extension). */
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const SOURCE = readFileSync(new URL('./icon.svg', import.meta.url), 'utf8');

export function renderIcon(size: number): { png: Buffer; rgba: Uint8Array } {
  const rendered = new Resvg(SOURCE, { fitTo: { mode: 'width', value: size } }).render();
  return { png: rendered.asPng(), rgba: rendered.pixels };
}
