/**
 * Why the extension asks for each permission, one line each: the one source for the README's list
 * (permissions.test.ts holds it to this) and the store listing's justifications (test/store/listing.ts).
 * test/e2e/security-build.spec.ts holds the keys to the built manifests' permissions.
 */
export const PERMISSION_REASONS = {
  storage: 'The credential in `storage.session` (memory only, cleared after the idle time); settings, which hold no secret, in `storage.local`.',
  alarms: 'The idle clear of the credential, and clearing a copied secret from the clipboard after 30 s.',
  activeTab: 'Filling the console tab the admin clicked the toolbar button on, and no other.',
  scripting: 'Injecting the fill script into the console tab on the admin’s click (top frame only).',
  contextMenus: 'The “Inspect as PingOne credential” menu item on selected text.',
  clipboardRead:
    '“Paste from clipboard” in the popup (asking at first use would open a prompt that closes the popup), and checking that the clipboard still holds a copied secret before clearing it.',
  clipboardWrite: 'Clearing a copied secret from the clipboard when no extension page has focus.',
  declarativeNetRequestWithHostAccess:
    'One session rule takes the `Origin` header off the connection test’s own requests to PingOne’s hosts, so PingOne is asked as a console’s server asks it; host access only, so no install warning.',
  offscreen: 'Chrome only: the service worker has no DOM, so a short-lived offscreen document (reason CLIPBOARD) does that clearing.',
  'PingOne hosts': 'The connection test: `auth.pingone.<region>` and `api.pingone.<region>` for each region, and no other host.',
  'Hosted consoles': 'Filling Cloudflare Zero Trust (`one.dash.cloudflare.com`) and Advanced Identity Cloud (`*.forgeblocks.com`, `*.id.forgerock.io`).',
  'Optional host access': 'Self-hosted PingAccess and PingFederate consoles: asked for exactly the origin the admin adds in Options (in Firefox, that host on any port: its patterns take no port).',
} as const;

/** The README's list, which permissions.test.ts requires to appear there verbatim. */
export function permissionList(): string {
  return Object.entries(PERMISSION_REASONS)
    .map(([permission, reason]) => `- ${/\s/.test(permission) ? `**${permission}**` : `\`${permission}\``}: ${reason}`)
    .join('\n');
}
