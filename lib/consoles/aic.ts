/**
 * Advanced Identity Cloud, PingOne Integrations > "Add PingOne Integration" (https://docs.pingidentity.com/pingoneaic/latest/pingone/pingone-product-connections.html; AIC docs "Set up
 * PingOne product connections"): a two-step modal. Step 1 takes the product-connection JWT and shows its Decoded
 * Claims; after Next, step 2 asks for a Name ("Only alphanumeric characters and hyphens are allowed"). Both fields
 * are optional in the plan because only one step is on screen at a time: a fill writes what is shown and reports
 * the other as absent, and the admin fills again after Next.
 */
import { LETTERS_DIGITS_HYPHENS, suggestedConsoleName } from '../credential/names';
import type { PlannedField } from '../fill/types';
import { wrongKindPlan } from './kind';
import { AIC_WORDS } from './words';
import type { ConsoleModule } from './types';

export const aic: ConsoleModule = {
  id: 'aic',
  name: 'Advanced Identity Cloud',
  accepts: ['product'],
  nameRule: LETTERS_DIGITS_HYPHENS,
  hostPatterns: ['*.forgeblocks.com', '*.id.forgerock.io'],
  // Customer custom domains are added in Options.
  selfHostable: true,
  plan(credential, options) {
    const refused = wrongKindPlan(aic, credential, options);
    if (refused) return refused;
    // AIC refuses other characters, so even a name the admin typed is reduced to the rule.
    const name = suggestedConsoleName(options.name?.trim() || credential.environmentName || '', LETTERS_DIGITS_HYPHENS);
    const fields: PlannedField[] = [
      {
        key: 'credential',
        label: 'Credential (step 1)',
        control: 'textarea',
        value: credential.raw,
        secret: true,
        optional: true,
        locate: { labels: [...AIC_WORDS.credential] },
      },
    ];
    const notes: string[] = [];
    if (name) {
      fields.push({
        key: 'name',
        label: 'Name (step 2)',
        control: 'text',
        value: name,
        optional: true,
        locate: { labels: [...AIC_WORDS.name], names: ['name'], ids: ['name'] },
      });
      notes.push(`Step 2: Name "${name}" (${LETTERS_DIGITS_HYPHENS.description}) goes in after Next: click Next, then fill again.`);
    } else {
      notes.push(`Step 2: Name, after Next: choose one yourself (${LETTERS_DIGITS_HYPHENS.description}).`);
    }
    if (credential.environmentName) {
      notes.push(`Before Next, check the Decoded Claims: environmentName should read "${credential.environmentName}".`);
    }
    return { consoleId: aic.id, consoleName: aic.name, origin: options.origin, fields, notes };
  },
};
