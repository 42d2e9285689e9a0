/**
 * Text that PingOne sends back (OAuth `error_description`, API `message`, an environment's name) goes into reports
 * only through here: secrets redacted, one line, bounded length. Redaction comes FIRST: cutting first could split
 * an echoed secret at the limit and leave its first part where the redactor no longer recognises it. The runner
 * scrubs every finished report again as a last guard (./redact.ts).
 */
const MAX_CHARS = 300;

export function pingOneText(value: string, redact: (text: string) => string): string {
  // Redacted before the line breaks go: the raw credential text can span lines and must still match whole.
  // Control characters (line breaks included) would let a description fake extra lines in the popup.
  const oneLine = redact(value).replace(/\p{Cc}+/gu, ' ').trim();
  return oneLine.length > MAX_CHARS ? `${oneLine.slice(0, MAX_CHARS)}…` : oneLine;
}
