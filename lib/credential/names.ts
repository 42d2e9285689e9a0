/** Connection names derived from the environment name, reduced to what a console accepts. */
import type { ConsoleRules } from './types';

export type NameRule = NonNullable<ConsoleRules['nameRule']>;

/** AIC's rule for PingOne integration names: "Only alphanumeric characters and hyphens are allowed" (https://docs.pingidentity.com/pingoneaic/integrations/pingone-set-up-product-connections.html). */
export const LETTERS_DIGITS_HYPHENS: NameRule = {
  pattern: /^[A-Za-z0-9-]+$/,
  description: 'letters, digits and hyphens',
};

/**
 * `environmentName` reduced to `rule`: accents dropped ("Zürich" -> "Zurich"), every character the rule refuses
 * becomes a hyphen (or is dropped when the rule refuses hyphens too), runs of hyphens collapse, and hyphens are
 * trimmed from both ends. The rule's pattern is tested one character at a time, so it must describe characters
 * (like `^[A-Za-z0-9-]+$`), not lengths. Returns '' when nothing usable is left.
 */
export function suggestedConsoleName(environmentName: string, rule: NameRule = LETTERS_DIGITS_HYPHENS): string {
  if (typeof environmentName !== 'string') return '';
  // A copy without g/y, whose `test` would otherwise carry lastIndex from one character to the next.
  const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.replace(/[gy]/g, ''));
  const separator = pattern.test('-') ? '-' : '';
  const plain = environmentName.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const reduced = Array.from(plain, (character) => (pattern.test(character) ? character : separator)).join('');
  return separator ? reduced.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '') : reduced;
}
