/** Origins as the settings, the messages and the tab's target compare them: https only, canonical form. */

/** `https://host[:port]`, exactly as `URL.origin` writes it (lower-case host, no default port, no path). */
export function isHttpsOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.origin === value;
  } catch {
    return false;
  }
}

/** The canonical origin of a URL or origin text, or undefined when it is not https. */
export function httpsOriginOf(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
