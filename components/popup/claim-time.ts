/**
 * Seconds-since-epoch claims (`iat`, `exp`, `nbf`, RFC 7519 §4.1.4-6) as an admin reads them: a date in the
 * browser's locale and time zone, and how long ago (or ahead) that is. Built on Intl, so no date library ships.
 */

const DAY = 86_400;
/** Largest unit first; a month and a year are calendar averages, close enough for "about how old". */
const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365.25 * DAY],
  ['month', 30.44 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', 3600],
  ['minute', 60],
];

// 'always': "1 year ago" says more than 'auto''s "last year" about a credential issued 13 months ago.
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** `undefined` when the number is no representable date (a claim can hold anything). */
export function localDateTime(seconds: number): string | undefined {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : dateTime.format(date);
}

/** "3 months ago", "in 2 days", "just now" (under a minute either way). */
export function relativeAge(seconds: number, nowMs: number): string {
  const delta = seconds - nowMs / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size) return relative.format(Math.trunc(delta / size), unit);
  }
  return 'just now';
}
