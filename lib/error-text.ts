/** What a caught value says, for the admin: an Error's message, anything else as text (a rejection may throw anything). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
