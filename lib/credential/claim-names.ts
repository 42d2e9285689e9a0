/**
 * Claim names that identify a credential kind and its fields. lib/credential/README.md: the gateway names are documented;
 * the product credential's client id/secret names are unconfirmed, so every plausible spelling is accepted.
 */
export const GATEWAY_CLAIMS = ['gatewayId', 'gatewayType', 'gatewayName'] as const;
export const ENVIRONMENT_ID_CLAIMS = ['environmentId', 'envId', 'environment_id'] as const;
export const CLIENT_ID_CLAIMS = ['clientId', 'client_id'] as const;
export const CLIENT_SECRET_CLAIMS = ['clientSecret', 'client_secret'] as const;

export function hasAnyClaim(claims: Readonly<Record<string, unknown>>, names: readonly string[]): boolean {
  return names.some((name) => Object.hasOwn(claims, name));
}

/** The claim's value when it is non-empty text. */
export function textClaim(claims: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The first of `names` whose value is non-empty text. */
export function firstText(claims: Readonly<Record<string, unknown>>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = textClaim(claims, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

export function numberClaim(claims: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const value = claims[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
