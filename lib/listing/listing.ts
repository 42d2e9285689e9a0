/**
 * The store listing's words, for the Chrome Web Store and addons.mozilla.org; test/store/listing.ts writes them, with
 * the screenshots and permissions.ts, into .output/store/. Every claim here is one the README's security model proves.
 */
import { PERMISSION_REASONS } from './permissions';

export const NAME = 'PingOne Connection Helper';

/** Chrome's summary is at most 132 characters (https://developer.chrome.com/docs/webstore/cws-dashboard-listing). */
export const SHORT_DESCRIPTION =
  'See what a PingOne credential is, check it against the console tenant it is going to, fill the form, and test the connection.';

export const LONG_DESCRIPTION = `For identity admins who move PingOne credentials between consoles.

Paste or copy a credential and the extension shows exactly what it is, what is wrong with it for where it is going, fills the console's form, and proves the connection works.

- Decode: PingOne gateway credentials (PingAccess, PingFederate), product-connection credentials (Advanced Identity Cloud), and an OIDC application's client id, secret and environment id (Cloudflare Zero Trust, PingFederate).
- Check: structure, claims, region, the environment the tenant is mapped to (a development credential on a production tenant is stopped), reuse across tenants, and each console's own rules.
- Fill: PingAccess, Advanced Identity Cloud, Cloudflare Zero Trust and PingFederate forms, on your click, only in the tab's top frame, never into a hidden field or another site, never submitting.
- Test the connection against PingOne: environment discovery, client authentication and environment read, with plain verdicts.
- The toolbar button says, per tab, whether a credential is loaded and whether it fits the tenant, before you open it. Alt+Shift+P opens it (you can change the key).

Nothing secret touches disk: the credential lives in the browser's session storage and is cleared after 10 idle minutes (your choice, up to 2 hours), on Clear, and when the browser closes. Nothing leaves for a host that is not PingOne's.`;

/** What is stored, where, for how long, and what leaves the device: the answers both stores' privacy forms ask for. */
export const PRIVACY = `# Privacy

## What is stored, where, for how long

| data | where | how long |
|---|---|---|
| The credential you paste (may hold a client secret) | \`storage.session\`: in memory, never on disk | until you click Clear, after the idle time (default 10 minutes, at most 2 hours), or until the browser closes |
| Connection-test reports (verdicts and timings; no secret, no token) | \`storage.session\` | cleared with the credential |
| Text sent by "Inspect as PingOne credential" | \`storage.session\` | until used or discarded, or the idle time |
| A SHA-256 hash of a secret you copied (never the secret) | \`storage.session\` | 30 seconds, then the clipboard is cleared if it still holds it |
| Settings: console origins, the tenant map (origin, label, tier, expected environment id and name), preferences | \`storage.local\` | until you change them in Options or remove the extension |
| Fill history: a credential fingerprint (a hash, not the credential), origin, console, tenant, environment id, time | \`storage.local\` | the newest 200 fills |

## What leaves the device

- Only the connection test, on your click, contacts PingOne's own hosts for the credential's region (\`auth.pingone.<region>\`, \`api.pingone.<region>\`): it sends the client id and secret to PingOne's token endpoint, as the console would.
- A fill writes the credential into the console page you are on, on your click; nothing else is written into any page.
- No analytics, no telemetry, no server of the developer: no data is collected, sold or shared.

## Stores' questions

- Single purpose: decode, check, fill and test PingOne credentials in the consoles that take them.
- Remote code: none; every script is in the package (default Manifest V3 content security policy).
- Data collection (Chrome Web Store "privacy practices", Firefox \`data_collection_permissions\`): none.
`;

export function permissionJustifications(): string {
  return `# Permission justifications\n\n${Object.entries(PERMISSION_REASONS)
    .map(([permission, reason]) => `- ${permission}: ${reason}`)
    .join('\n')}\n`;
}

/** The listing's files by path under .output/store/, besides the screenshots. */
export function listingTexts(): Record<string, string> {
  return {
    'chrome/short-description.txt': `${SHORT_DESCRIPTION}\n`,
    'chrome/description.txt': `${LONG_DESCRIPTION}\n`,
    'firefox/summary.txt': `${SHORT_DESCRIPTION}\n`,
    'firefox/description.txt': `${LONG_DESCRIPTION}\n`,
    'permissions.md': permissionJustifications(),
    'privacy.md': PRIVACY,
  };
}

/** The screenshots the listing carries, 1280 x 800 (both stores accept that size), made by the demo walk. */
export const LISTING_SCREENSHOTS = ['1-credential-checked.png', '2-console-filled.png', '3-connection-tested.png'] as const;
export const SCREENSHOT_SIZE = { width: 1280, height: 800 } as const;
