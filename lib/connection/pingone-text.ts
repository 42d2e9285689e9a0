/**
 * Text that PingOne sends back (OAuth `error_description`, API `message`, an environment's name) goes into reports
 * only through here: one line, bounded length. The runner also scrubs every report for secrets (./redact.ts).
 */
const MAX_CHARS = 300;

export function pingOneText(value: string): string {
  // Control characters (line breaks included) would let a description fake extra lines in the popup.
  const oneLine = value.replace(/\p{Cc}+/gu, ' ').trim();
  return oneLine.length > MAX_CHARS ? `${oneLine.slice(0, MAX_CHARS)}…` : oneLine;
}
