import { describe, expect, it } from 'vitest';
import { LETTERS_DIGITS_HYPHENS, suggestedConsoleName } from './index';

describe('suggestedConsoleName', () => {
  it.each([
    ['Acme Production (EU)', 'Acme-Production-EU'],
    ['  Acme   Dev  ', 'Acme-Dev'],
    ['Zürich Île-de-France', 'Zurich-Ile-de-France'],
    ['acme--dev__2024!!', 'acme-dev-2024'],
    ['AcmeDev', 'AcmeDev'],
    ['-Acme-', 'Acme'],
    ['Production 🚀 EU', 'Production-EU'],
    ['***', ''],
    ['', ''],
  ])('reduces %j to %j for letters, digits and hyphens (AIC)', (name, expected) => {
    const suggestion = suggestedConsoleName(name);
    expect(suggestion).toBe(expected);
    if (suggestion) expect(LETTERS_DIGITS_HYPHENS.pattern.test(suggestion)).toBe(true);
  });

  it('drops refused characters when the rule refuses hyphens too', () => {
    expect(suggestedConsoleName('Acme Prod (EU)', { pattern: /^[a-z]+$/i, description: 'letters' })).toBe('AcmeProdEU');
  });

  it('is not confused by a global or sticky pattern', () => {
    expect(suggestedConsoleName('Acme Prod', { pattern: /^[A-Za-z0-9-]+$/gy, description: 'letters, digits and hyphens' })).toBe('Acme-Prod');
  });

  it('returns an empty name for non-text at runtime', () => {
    expect(suggestedConsoleName(undefined as unknown as string)).toBe('');
  });
});
