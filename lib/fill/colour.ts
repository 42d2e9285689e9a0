/**
 * Whether a computed colour is drawn at all: not `transparent` and its alpha, when it has one, above 0. Chromium 156
 * computes `transparent` to `rgba(0, 0, 0, 0)`; an alpha is the fourth of comma-separated values (`rgba()`) or
 * follows a slash (`color(srgb 1 1 1 / 0)`, `oklch(...)`).
 */
export function painted(color: string): boolean {
  const values = /\(([^)]*)\)/.exec(color)?.[1] ?? '';
  const alpha = values.includes('/') ? values.split('/')[1] : values.split(',')[3];
  return !!color && color !== 'transparent' && (alpha === undefined || Number.parseFloat(alpha) > 0);
}
