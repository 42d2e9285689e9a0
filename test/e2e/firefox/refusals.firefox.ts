/**
 * The fill's refusals in Firefox, where there is no renderer verdict (IntersectionObserver v2): the engine's own scan
 * (lib/fill/cover.ts, guard.ts, locate.ts) is the whole guard. Every trap variant the Chromium suite refuses
 * (fill-refusals.spec.ts, fill-attacks.spec.ts) is filled here with the dev web app's credential as the popup does;
 * the secret must reach neither app state nor any input, and the reason must be the one the engine gives. Honest
 * twins are filled, so a refusal here is the trap caught, not a broken fill.
 */
import { expect } from '@playwright/test';
import { client } from '../../fixtures/environments';
import { expectSecretRefused, fillVariant } from '../flows/refusal-flows';
import { test } from './harness';

const COVERED_OVER = 'covered by an element drawn over it';
const NAMED_BY_NOTHING = 'no such field on this page';
const PAINTED_OVER = 'painted over by an outline or shadow';

/** Variant, and the secret field's reason in Firefox (the same words as in Chromium unless said). */
const REFUSED: [string, string][] = [
  ['opacity', 'transparent (opacity 0.01)'],
  ['overlay', 'covered by another element'],
  ['filter-opacity', 'transparent (opacity 0)'],
  ['pointer-events-overlay', COVERED_OVER],
  ['floating-label-portal-overlay', COVERED_OVER],
  ['floating-label-pseudo-overlay', COVERED_OVER],
  ['floating-label-opaque-label', 'also labelled "leave a public comment" on the page'],
  ['outline-over', PAINTED_OVER],
  ['box-shadow-over', PAINTED_OVER],
  ['scaled', 'too small to see'],
  ['label-text-font-size-0', NAMED_BY_NOTHING],
  ['label-text-transparent', NAMED_BY_NOTHING],
  ['label-text-off-screen', NAMED_BY_NOTHING],
  ['aria-label-public-note', NAMED_BY_NOTHING],
  ['name-only', NAMED_BY_NOTHING],
  ['labelledby-glossary', NAMED_BY_NOTHING],
  ['duplicate-id', 'read-only'],
  ['injected-style', 'hidden (display:none)'],
  ['popover-backdrop', 'under a backdrop open over the page'],
  ['hide-on-focus', 'changed when focused: hidden (display:none)'],
  ['foreign-floating-label', COVERED_OVER],
  ['foreign-status-bar', COVERED_OVER],
  ['own-label-covers-field', COVERED_OVER],
  ['label-over-other-field', COVERED_OVER],
  ['dress-inset-shadow', COVERED_OVER],
  ['label-button-text', NAMED_BY_NOTHING],
  ['far-label', NAMED_BY_NOTHING],
  // A box in a CLOSED shadow root: Chromium's renderer sees it; in Firefox the engine lists it through
  // Element.openOrClosedShadowRoot, which Firefox gives extensions
  // (https://developer.mozilla.org/docs/Web/API/Element/openOrClosedShadowRoot).
  ['floating-label-closed-overlay', COVERED_OVER],
  ['closed-shadow-on-focus', `changed when focused: ${COVERED_OVER}`],
];

for (const [variant, reason] of REFUSED) {
  test(`?variant=${variant}: the Client Secret is refused in Firefox (${reason}) and the secret is written nowhere`, async ({ sharedFirefox }) => {
    await expectSecretRefused(sharedFirefox, variant, reason);
  });
}

for (const variant of ['floating-label', 'reveal-button', 'popover-elsewhere']) {
  test(`?variant=${variant} (honest twin): the Client Secret is filled in Firefox`, async ({ sharedFirefox }) => {
    const { report, state } = await fillVariant(sharedFirefox, variant);
    expect(report.fields.find((field) => field.key === 'clientSecret')?.status).toBe('filled');
    expect(state.clientSecret).toBe(client('dev', 'web-app').clientSecret);
  });
}
