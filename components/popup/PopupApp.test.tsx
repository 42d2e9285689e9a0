import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConnectionReport } from '../../lib/connection/types';
import type { Credential } from '../../lib/credential/types';
import { CLIENT_SECRET_PLACEHOLDER, consoleById, CONSOLES } from '../../lib/consoles';
import { fingerprintCredential, readCredential } from '../../lib/credential';
import { gatewayClaims, productClaims, signTestCredential } from '../../test/fixtures/credentials';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/model';
import { resolveTarget, type ResolvedTab } from '../../lib/target';
import { consoleTabOf, type ConsoleTab, type PopupTab } from '../../lib/popup-tab';
import { client, environment } from '../../test/fixtures/environments';
import { FillBlockedError } from './refusal';
import { pastePart } from './lazy-module';
import { popupProps } from '../../test/fixtures/popup-props';
import { PASTE_TO_CHECKS_MEASURE, PopupApp, type PopupAppProps } from './PopupApp';

afterEach(cleanup);

let gatewayJwt: string;
let productJwt: string;
const webApp = client('dev', 'web-app');
const webAppLines = `Client ID: ${webApp.clientId}\nClient Secret: ${webApp.clientSecret}\nEnvironment ID: ${environment('dev').id}`;

beforeAll(async () => {
  // The lazily loaded parts, loaded once here: each test then renders as the popup does once they are in
  // (components/popup/lazy-module.test.tsx holds the loading itself).
  await pastePart.load();
  gatewayJwt = await signTestCredential(gatewayClaims('dev'));
  productJwt = await signTestCredential(productClaims('dev', { environmentName: 'Acme Dev (EU) ü' }));
});

function credentialOf(text: string): Credential {
  const read = readCredential(text);
  if (!read.ok) throw new Error(read.error.message);
  return read.credential;
}

const ORIGINS = {
  aic: 'https://openam-acme-dev.forgeblocks.com',
  cloudflare: 'https://one.dash.cloudflare.com',
  pingaccess: 'https://pa.demo.internal:9000',
  pingfederate: 'https://pf.demo.internal:9999',
};

/** A resolved tab as entrypoints/popup hands it to PopupApp (the same builder); throws the reason it is no console. */
function consoleTarget(target: ResolvedTab, settings: Settings): ConsoleTab {
  if (target.kind !== 'console') throw new Error(target.reason);
  return consoleTabOf(target, settings);
}

/** The target as entrypoints/popup builds it for a tab on a known console (the self-hosted ones added in Options). */
function onConsole(id: keyof typeof ORIGINS, settings: Partial<Settings> = {}): PopupTab {
  const all: Settings = {
    ...DEFAULT_SETTINGS,
    selfHosted: [
      { origin: ORIGINS.pingaccess, consoleId: 'pingaccess' },
      { origin: ORIGINS.pingfederate, consoleId: 'pingfederate' },
    ],
    ...settings,
  };
  return consoleTarget(resolveTarget(`${ORIGINS[id]}/admin`, all), all);
}

/**
 * A page that is no known console, as entrypoints/popup builds it: one target per self-hostable console, each as
 * lib/target resolves the page with that choice (no origin in Options here).
 */
function onUnknownPage(url: string, settings: Partial<Settings> = {}): PopupTab {
  const all: Settings = { ...DEFAULT_SETTINGS, ...settings };
  const [first, ...rest] = CONSOLES.filter((module) => module.selfHostable).map((module) => {
    const target = resolveTarget(url, all, module.id);
    if (target.kind === 'console') expect(target.via).toBe('active-tab');
    return consoleTarget(target, all);
  });
  return { choices: [first!, ...rest] };
}

function popup(props: Partial<PopupAppProps> = {}) {
  const all = popupProps(props);
  const view = render(<PopupApp {...all} />);
  return { ...all, view };
}

/** Fill and Test wait for the popup to fingerprint the credential (a moment): the button once it is enabled. */
async function enabled(name: string): Promise<HTMLButtonElement> {
  return waitFor(() => {
    const button = screen.getByRole('button', { name }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    return button;
  });
}

/**
 * The background's reading of the text shown (here its own function, in-process, still answering a moment later as a
 * message does): the verdict line once it came.
 */
async function judged(): Promise<HTMLElement> {
  return waitFor(() => {
    const verdict = document.querySelector<HTMLElement>('.verdict');
    if (!verdict) throw new Error('no verdict yet');
    return verdict;
  });
}

const box = () => screen.getByRole('textbox', { name: 'Credential', hidden: true }) as HTMLTextAreaElement;
const type = (text: string) => fireEvent.input(box(), { target: { value: text } });
/** Every check, those in view and those folded under "passed and notes". */
const checkIds = () => [...document.querySelectorAll<HTMLElement>('.checks [data-check-id]')].map((item) => item.dataset.checkId);

describe('PopupApp', () => {
  it('opens empty and focused on the box, never blank, with Fill disabled for a reason', () => {
    popup();
    expect(screen.getByRole('heading', { name: 'PingOne Connection Helper' })).toBeTruthy();
    expect(document.activeElement).toBe(box());
    expect(screen.queryByRole('list', { name: 'Checks' })).toBeNull();
    expect((screen.getByRole('button', { name: 'Fill page' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Test connection' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('decodes and checks as the admin types, and reports each change', async () => {
    const props = popup();
    type(gatewayJwt);
    expect(props.onTextChange).toHaveBeenLastCalledWith(gatewayJwt);
    await judged();
    expect(screen.getByText('Gateway credential')).toBeTruthy();
    expect(checkIds()).toContain('structure.alg');
    expect(within(screen.getByRole('table', { name: 'Claims' })).getByText('gatewayName')).toBeTruthy();
    // Typing one more character breaks the signature's base64url: the read error replaces the facts.
    type(`${gatewayJwt}*`);
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
    expect(screen.queryByRole('list', { name: 'Checks' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'PingOne Connection Helper' })).toBeTruthy();
  });

  it("shows readCredential's specific error for malformed input", async () => {
    popup();
    const input = 'eyJhbGciOiJSUzI1NiJ9.not*base64.sig';
    type(input);
    const read = readCredential(input);
    if (read.ok) throw new Error('expected a read error');
    expect((await screen.findByRole('alert')).textContent).toContain(read.error.message);
  });

  it('measures paste-to-checks in the page and exposes it on the root', async () => {
    const { view } = popup();
    performance.clearMeasures(PASTE_TO_CHECKS_MEASURE);
    type(gatewayJwt);
    await judged();
    const root = view.container.querySelector('[data-paste-to-checks-ms]');
    expect(Number(root?.getAttribute('data-paste-to-checks-ms'))).toBeGreaterThanOrEqual(0);
    expect(performance.getEntriesByName(PASTE_TO_CHECKS_MEASURE, 'measure')).toHaveLength(1);
  });

  it('on a console, re-runs the checks with its rules and puts the errors first', async () => {
    popup({ target: onConsole('aic'), initialText: gatewayJwt });
    await judged();
    expect(document.querySelector('.checks-counts')!.textContent).toMatch(/^Checks for Advanced Identity Cloud: /);
    const ids = checkIds();
    expect(ids.slice(0, 2)).toEqual(['target.kind', 'tenant.first-fill']);
    expect(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' })).toBeTruthy();
    // The wrong kind, and the first fill at a tenant of the shared forgeblocks.com domain (lib/target).
    expect(screen.getByText(/2 checks fail for Advanced Identity Cloud/)).toBeTruthy();
  });

  it('checks against the tenant mapping and the fill history (reuse needs the fingerprint)', async () => {
    const fingerprint = await fingerprintCredential(credentialOf(gatewayJwt));
    popup({
      initialText: gatewayJwt,
      target: onConsole('pingaccess', {
        tenants: [
          {
            origin: ORIGINS.pingaccess,
            consoleId: 'pingaccess',
            tier: 'production',
            label: 'Acme',
            expected: { environmentId: environment('production').id, environmentName: 'Acme Production (EU)', regionTld: 'eu' },
          },
        ],
        uses: [
          {
            fingerprint,
            origin: 'https://pa-staging.demo.internal:9000',
            consoleId: 'pingaccess',
            environmentId: environment('dev').id,
            at: Date.UTC(2026, 0, 1),
          },
        ],
      }),
    });
    await judged();
    expect(checkIds()[0]).toBe('mapping.environment');
    expect(checkIds()).toContain('reuse.other-tenant');
  });

  it('suggests a console-safe name, editable, and fills with it', async () => {
    const props = popup({ target: onConsole('aic'), initialText: productJwt });
    await judged();
    const name = screen.getByRole('textbox', { name: 'Connection name' }) as HTMLInputElement;
    expect(name.value).toBe('Acme-Dev-EU-u');
    fireEvent.input(name, { target: { value: 'acme-dev' } });
    fireEvent.click(await enabled('Fill Advanced Identity Cloud'));
    expect(props.onFill).toHaveBeenCalledWith({ override: false, name: 'acme-dev' });
    expect(await screen.findByRole('region', { name: 'Fill report' })).toBeTruthy();
  });

  it("starts the name as the console's plan would fill it, and has none where the form has no Name", async () => {
    popup({ target: onConsole('cloudflare'), initialText: webAppLines });
    await judged();
    // lib/consoles/cloudflare: "PingOne" when the credential has no environmentName.
    const planned = consoleById('cloudflare')
      .plan(credentialOf(webAppLines), { origin: 'https://one.dash.cloudflare.com' })
      .fields.find((field) => field.key === 'name')?.value;
    expect(planned).toBe('PingOne');
    expect((screen.getByRole('textbox', { name: 'Connection name' }) as HTMLInputElement).value).toBe(planned);
    cleanup();
    popup({ target: onConsole('pingfederate'), initialText: webAppLines });
    await judged();
    expect(screen.getByRole('button', { name: 'Fill PingFederate' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Connection name' })).toBeNull();
  });

  it('offers the export that fits the credential and copies the body built by lib/consoles', async () => {
    const props = popup({ initialText: webAppLines });
    await judged();
    expect(screen.queryByRole('button', { name: 'Copy PingAccess API request' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Copy Cloudflare API request' }));
    await waitFor(() => expect(props.onCopy).toHaveBeenCalledOnce());
    const body = JSON.parse((props.onCopy as ReturnType<typeof vi.fn>).mock.calls[0]![0] as string) as { config: Record<string, unknown> };
    expect(body.config.client_id).toBe(webApp.clientId);
    expect(body.config.client_secret).toBe(CLIENT_SECRET_PLACEHOLDER);
  });

  it('shows the connection report of this credential only', async () => {
    const fingerprint = await fingerprintCredential(credentialOf(gatewayJwt));
    const report: ConnectionReport = { fingerprint, startedAt: 1, steps: [{ id: 'environment', title: 'Environment', verdict: 'running', message: 'Looking…' }] };
    const { view, ...props } = popup({ initialText: gatewayJwt, connection: report });
    // Shown: the popup has fingerprinted the credential, so the report below is judged by the same fingerprint.
    await screen.findByText('Looking…');
    view.rerender(<PopupApp {...props} connection={{ ...report, fingerprint: 'another' }} />);
    expect(screen.queryByText('Looking…')).toBeNull();
  });

  it('a fill outcome belongs to its credential: another credential drops it', async () => {
    const onFill = vi.fn(async () => Promise.reject(new FillBlockedError('Not filled: one check fails for Advanced Identity Cloud.', [])));
    popup({ target: onConsole('aic'), initialText: gatewayJwt, onFill });
    fireEvent.click(await enabled('Fill Advanced Identity Cloud'));
    expect(await screen.findByText('Not filled: one check fails for Advanced Identity Cloud.')).toBeTruthy();
    type(productJwt);
    await waitFor(() => expect(screen.queryByText(/^Not filled/)).toBeNull());
    expect(screen.getByRole('button', { name: 'Fill Advanced Identity Cloud' })).toBeTruthy();
  });

  it('on PingAccess: a Description defaulting to what its plan fills, sent with the fill and in the API request', async () => {
    const props = popup({ target: onConsole('pingaccess'), initialText: gatewayJwt });
    await judged();
    const planned = consoleById('pingaccess')
      .plan(credentialOf(gatewayJwt), { origin: ORIGINS.pingaccess })
      .fields.find((field) => field.key === 'description')?.value;
    const input = screen.getByRole('textbox', { name: 'Description' }) as HTMLInputElement;
    expect(input.value).toBe('');
    expect(document.getElementById(input.getAttribute('aria-describedby')!)?.textContent).toBe(`Optional. Left empty: "${planned}".`);
    fireEvent.input(input, { target: { value: 'Gateway for the Acme portal' } });
    fireEvent.click(await enabled('Fill PingAccess'));
    expect(props.onFill).toHaveBeenCalledWith(expect.objectContaining({ override: false, description: 'Gateway for the Acme portal' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy PingAccess API request' }));
    await waitFor(() => expect(props.onCopy).toHaveBeenCalledOnce());
    const body = JSON.parse((props.onCopy as ReturnType<typeof vi.fn>).mock.calls[0]![0] as string) as { description?: string };
    expect(body.description).toBe('Gateway for the Acme portal');
  });

  it('on PingFederate: extra scopes, with the Scopes value its plan fills (openid always first, each once)', async () => {
    const props = popup({ target: onConsole('pingfederate'), initialText: webAppLines });
    await judged();
    const input = screen.getByRole('textbox', { name: 'Extra scopes' });
    const help = () => document.getElementById(input.getAttribute('aria-describedby')!)?.textContent;
    expect(help()).toBe('Space separated; openid is always included. Scopes filled: openid');
    fireEvent.input(input, { target: { value: 'profile openid email' } });
    expect(help()).toBe('Space separated; openid is always included. Scopes filled: openid profile email');
    expect(screen.queryByRole('textbox', { name: 'Description' })).toBeNull();
    fireEvent.click(await enabled('Fill PingFederate'));
    expect(props.onFill).toHaveBeenCalledWith({ override: false, name: undefined, description: undefined, scopes: 'profile openid email' });
  });

  it('asks for the region of a credential that names none and passes it to the test', async () => {
    const props = popup({ initialText: webAppLines });
    const test = await enabled('Test connection');
    fireEvent.change(screen.getByRole('combobox', { name: 'Region for the test' }), { target: { value: 'eu' } });
    fireEvent.click(test);
    expect(props.onTestConnection).toHaveBeenCalledWith('eu');
  });

  it('pastes from the clipboard, and says so when the clipboard cannot be read', async () => {
    const props = popup({ onPaste: vi.fn(async () => webAppLines) });
    fireEvent.click(screen.getByRole('button', { name: 'Paste from clipboard' }));
    await waitFor(() => expect(box().value).toBe(webAppLines));
    expect(props.onTextChange).toHaveBeenCalledWith(webAppLines);
    cleanup();
    popup({ onPaste: async () => Promise.reject(new Error('Read permission denied.')) });
    fireEvent.click(screen.getByRole('button', { name: 'Paste from clipboard' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Could not read the clipboard: Read permission denied.');
  });

  it('Clear empties the box and tells the wiring to wipe the vault', () => {
    const props = popup({ initialText: gatewayJwt });
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(box().value).toBe('');
    expect(props.onClear).toHaveBeenCalledOnce();
    expect(screen.queryByRole('table', { name: 'Claims' })).toBeNull();
  });

  it('renders a hostile claim as text and runs nothing', async () => {
    const payload = '<img src=x onerror="globalThis.__popupPwned=1">';
    popup({ initialText: await signTestCredential(gatewayClaims('dev', { environmentName: payload, [payload]: payload })) });
    await judged();
    expect(document.querySelector('img')).toBeNull();
    expect((globalThis as { __popupPwned?: number }).__popupPwned).toBeUndefined();
    expect(within(screen.getByRole('table', { name: 'Claims' })).getAllByText(payload).length).toBeGreaterThan(0);
  });

  it('offers to remember the tenant and opens Options', async () => {
    const props = popup({ target: onConsole('cloudflare'), initialText: webAppLines });
    await judged();
    fireEvent.click(screen.getByRole('button', { name: 'Remember this tenant uses this environment' }));
    expect(props.onRememberTenant).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: /^Options/ }));
    expect(props.onOpenOptions).toHaveBeenCalledOnce();
  });
});

describe('PopupApp on a page that is no known console (activeTab)', () => {
  const PAGE = 'https://pa.acme.example:9000/#/settings/system/pingone/connections/add';
  const select = () => screen.getByRole('combobox', { name: 'This page is' }) as HTMLSelectElement;

  it('offers the self-hostable consoles, never Cloudflare, defaulting to the one that takes the credential', async () => {
    popup({ target: onUnknownPage(PAGE), initialText: gatewayJwt });
    await enabled('Fill PingAccess');
    expect([...select().options].map((option) => option.textContent)).toEqual(['PingAccess', 'Advanced Identity Cloud', 'PingFederate']);
    expect(select().value).toBe('pingaccess');
    expect(document.querySelector('.checks-counts')!.textContent).toMatch(/^Checks for PingAccess: /);
    expect(screen.getByRole('button', { name: 'Fill PingAccess' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Target console' })).getByText('pa.acme.example:9000')).toBeTruthy();
    type(productJwt);
    await enabled('Fill Advanced Identity Cloud');
    expect(select().value).toBe('aic');
    type(webAppLines);
    await enabled('Fill PingFederate');
    expect(select().value).toBe('pingfederate');
  });

  it("keeps the admin's choice whatever is pasted, checks against it, and fills naming it", async () => {
    const props = popup({ target: onUnknownPage(PAGE), initialText: gatewayJwt });
    await judged();
    fireEvent.change(select(), { target: { value: 'pingfederate' } });
    expect(select().value).toBe('pingfederate');
    await enabled('Fill PingFederate');
    expect(document.querySelector('.checks-counts')!.textContent).toMatch(/^Checks for PingFederate: /);
    // A gateway credential is the wrong kind for PingFederate: the checks say so before any fill.
    expect(checkIds()[0]).toBe('target.kind');
    type(productJwt);
    await enabled('Fill PingFederate');
    expect(select().value).toBe('pingfederate');
    type(webAppLines);
    fireEvent.click(await enabled('Fill PingFederate'));
    expect(props.onFill).toHaveBeenCalledWith({ override: false, consoleId: 'pingfederate' });
  });

  it('keeps the name the admin typed for a console when they switch to another and back', async () => {
    popup({ target: onUnknownPage(PAGE), initialText: gatewayJwt });
    const nameBox = async () => (await screen.findByLabelText('Connection name')) as HTMLInputElement;
    const suggested = (await nameBox()).value;
    expect(suggested).not.toBe('');
    fireEvent.input(await nameBox(), { target: { value: 'acme-gateway' } });
    // AIC takes no gateway credential: its plan has no Name, so none is shown while it is chosen.
    fireEvent.change(select(), { target: { value: 'aic' } });
    expect(screen.queryByLabelText('Connection name')).toBeNull();
    fireEvent.change(select(), { target: { value: 'pingaccess' } });
    expect((await nameBox()).value).toBe('acme-gateway');
    // A new credential starts from the console's suggestion again.
    type(await signTestCredential(gatewayClaims('staging')));
    fireEvent.change(select(), { target: { value: 'pingaccess' } });
    expect((await nameBox()).value).not.toBe('acme-gateway');
    expect((await nameBox()).value).not.toBe('');
  });

  it('remembers the tenant for the console chosen', async () => {
    const props = popup({ target: onUnknownPage(PAGE), initialText: webAppLines });
    await judged();
    fireEvent.change(select(), { target: { value: 'aic' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remember this tenant uses this environment' }));
    expect(props.onRememberTenant).toHaveBeenCalledWith('aic');
  });

  it('a known console offers no choice and names none in the fill', async () => {
    const props = popup({ target: onConsole('pingaccess'), initialText: gatewayJwt });
    expect(screen.queryByRole('combobox', { name: 'This page is' })).toBeNull();
    fireEvent.click(await enabled('Fill PingAccess'));
    expect((props.onFill as ReturnType<typeof vi.fn>).mock.calls[0]![0]).not.toHaveProperty('consoleId');
  });
});

describe('settings notice', () => {
  it('says when stored settings were repaired and offers Options', () => {
    const { onOpenOptions } = popup({ settingsNotice: 'Stored settings were damaged: 1 tenant row was dropped.' });
    expect(screen.getByText(/Stored settings were damaged: 1 tenant row was dropped\./).getAttribute('role')).toBe('status');
    fireEvent.click(screen.getByRole('button', { name: 'Review in Options' }));
    expect(onOpenOptions).toHaveBeenCalledOnce();
  });

  it('is absent when settings loaded cleanly', () => {
    popup();
    expect(screen.queryByRole('button', { name: 'Review in Options' })).toBeNull();
  });
});

describe('a draft from the context menu, kept beside the vault', () => {
  it('is shown apart from the vault’s credential, with its page, and Fill still names the vault’s credential only', async () => {
    const props = popup({ target: onConsole('pingaccess'), initialText: gatewayJwt, draft: { text: productJwt, source: 'https://evil.test' } });
    const draft = screen.getByRole('region', { name: 'Selected text' });
    expect(draft.textContent).toContain('Text selected on https://evil.test: not your credential until you use it.');
    // Its own decoded view and checks, for the console the popup is over.
    expect(await within(draft).findByText('Product connection')).toBeTruthy();
    expect(within(draft).getByRole('list', { name: 'Checks of the selected text' }).querySelector('[data-check-id="target.kind"]')?.getAttribute('data-level')).toBe('error');
    // The box, the summary and the fill are the vault's credential's.
    expect((screen.getByRole('textbox', { name: 'Credential', hidden: true }) as HTMLTextAreaElement).value).toBe(gatewayJwt);
    (await enabled('Fill PingAccess')).click();
    await waitFor(() => expect(props.onFill).toHaveBeenCalledOnce());

    within(draft).getByRole('button', { name: 'Use this credential' }).click();
    expect(props.onUseDraft).toHaveBeenCalledOnce();
    within(draft).getByRole('button', { name: 'Discard' }).click();
    expect(props.onDiscardDraft).toHaveBeenCalledOnce();
  });

  it('says why selected text that is no credential cannot be read', async () => {
    popup({ draft: { text: 'Select this paragraph', source: 'https://evil.test' } });
    const draft = await screen.findByRole('region', { name: 'Selected text' });
    await waitFor(() => expect(draft.querySelector('.alert-message')?.textContent).toBeTruthy());
    expect(within(draft).queryByRole('list', { name: 'Checks of the selected text' })).toBeNull();
  });
});
