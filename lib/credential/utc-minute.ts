/** A time in seconds since the epoch as the checks write it: `2025-10-09 08:53 UTC`. */

const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * `toISOString()` cut to the minute, with a space for the `T`. Years 0-9999 are written from the UTC fields, at a
 * third of toISOString's cost (a check writes one per credential); other years keep toISOString's signed six digits.
 */
export function utcMinute(seconds: number): string {
  const date = new Date(seconds * 1000);
  const year = date.getUTCFullYear();
  if (Number.isNaN(year)) return `${seconds} (not a valid date)`;
  if (year < 0 || year > 9999) return `${date.toISOString().replace('T', ' ').slice(0, 16)} UTC`;
  const day = `${String(year).padStart(4, '0')}-${twoDigits(date.getUTCMonth() + 1)}-${twoDigits(date.getUTCDate())}`;
  return `${day} ${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())} UTC`;
}
