/**
 * Every message between the extension's pages and the background worker: one zod schema per message, strict objects
 * (unknown keys are refused), and the sender rule that goes with it. The background is the only privileged actor; it
 * takes commands only from the extension's own pages (popup, options), never from a content script or a web page
 * (Dark Reader's rule). The background's broadcast to the popup is checked on arrival (connection/update-event.ts).
 */
import * as z from 'zod/mini';
import { SELF_HOSTABLE_CONSOLE_IDS } from './consoles';
import { REGION_TLDS } from './regions';
import { httpsOriginOf } from './origin';
import type { FillReport } from './fill/types';
import type { Finding } from './credential/check';
import type { ReadResult } from './credential/types';
import type { PopupTab } from './popup-tab';

/** A tab of the browser, by its id. */
const tabIdSchema = () => z.int().check(z.nonnegative());
/** An origin the popup showed: https, exactly as URL.origin writes it (lower-case host, no default port, no path). */
const shownOriginSchema = () => z.string().check(z.refine((value) => httpsOriginOf(value) === value));

// Built in a function marked pure so a page that only sends these (the popup) does not carry the schema: a zod call at
// the top level is otherwise kept for its possible side effects (https://rollupjs.org/configuration-options/#pure).
// A plain union: each option's `type` literal differs, so it accepts what a discriminated union would, and the worker
// already carries union (credential/cloudflare-json.ts) but not discriminatedUnion (about 0.5 kB gzip).
export const uiRequestSchema = /* @__PURE__ */ (() =>
  z.union([
    z.strictObject({
      type: z.literal('fill'),
      tabId: tabIdSchema(),
      /**
       * The origin the popup showed the admin. The tab may have moved since the popup opened; the background fills only
       * a tab still at this origin, so the checks and choices the admin saw are the ones that apply.
       */
      origin: shownOriginSchema(),
      override: z.boolean(),
      name: z.optional(z.string().check(z.maxLength(200))),
      /** PingAccess's Description, as the admin typed it in the popup. */
      description: z.optional(z.string().check(z.maxLength(1000))),
      /** PingFederate's extra scopes (space separated; `openid` is always there). */
      scopes: z.optional(z.string().check(z.maxLength(500))),
      /**
       * The console the admin says this page is, when it is no known console (lib/target resolveTarget `chosen`): only
       * a self-hostable one. Cloudflare Zero Trust is never one: it lives at a fixed host.
       */
      consoleId: z.optional(z.enum(SELF_HOSTABLE_CONSOLE_IDS)),
      /** The admin confirmed text a page selected (lib/selection-source.ts), asked by a `confirmSource` answer. */
      sourceConfirmed: z.optional(z.literal(true)),
    }),
    z.strictObject({
      type: z.literal('connection.start'),
      regionTld: z.optional(z.enum(REGION_TLDS)),
      sourceConfirmed: z.optional(z.literal(true)),
    }),
    z.strictObject({ type: z.literal('connection.cancel') }),
    /** Pick fields on this tab (lib/pick): the prompts follow the credential's kind; the tab must still be at `origin`. */
    z.strictObject({
      type: z.literal('pick.start'),
      tabId: tabIdSchema(),
      origin: shownOriginSchema(),
      kind: z.enum(['gateway', 'product', 'oidc-app']),
    }),
    /** Fill the fields picked at `origin`, through the one guarded fill path (lib/background/pick-path.ts). */
    z.strictObject({
      type: z.literal('pick.fill'),
      tabId: tabIdSchema(),
      origin: shownOriginSchema(),
      override: z.boolean(),
      sourceConfirmed: z.optional(z.literal(true)),
    }),
    /** The tab's forms as the fill engine sees them, without values (lib/pick/describe.ts). */
    z.strictObject({ type: z.literal('form.describe'), tabId: tabIdSchema() }),
    /**
     * Read and judge a text the popup shows (lib/background/judge-path.ts), `on` the tab as the popup shows it, named
     * as for `fill`. Up to 1 MiB: the reader itself says what is too long for a credential (16 KiB), with its length.
     */
    z.strictObject({
      type: z.literal('credential.judge'),
      text: z.string().check(z.maxLength(1024 * 1024)),
      on: z.optional(
        z.strictObject({ tabId: tabIdSchema(), origin: shownOriginSchema(), consoleId: z.optional(z.enum(SELF_HOSTABLE_CONSOLE_IDS)) }),
      ),
    }),
    /** What the popup shows at open, resolved from the settings with the organisation's policy; no tab: none readable. */
    z.strictObject({ type: z.literal('popup.context'), tabId: z.optional(tabIdSchema()) }),
    /**
     * Map the tenant at `origin` to the vault credential's environment; the tab must still be there. `consoleId` as in
     * `fill`: the console the admin says a page that is no known console is.
     */
    z.strictObject({
      type: z.literal('tenant.remember'),
      tabId: tabIdSchema(),
      origin: shownOriginSchema(),
      consoleId: z.optional(z.enum(SELF_HOSTABLE_CONSOLE_IDS)),
    }),
  ]))();

export type UiRequest = z.infer<typeof uiRequestSchema>;

export type FillResponse =
  | { ok: true; report: FillReport }
  /**
   * `blockedBy` lists the error checks that stopped the fill, as findings the popup words (lib/credential/check-words.ts);
   * the admin may resend with `override: true`.
   * `overrideForbidden`: the organisation's policy refuses that override here (a production tenant).
   * `confirmSource`: the credential is text selected on this origin, not yet confirmed; resend with `sourceConfirmed`.
   */
  | { ok: false; error: string; blockedBy?: Finding[]; overrideForbidden?: true; confirmSource?: string };

/** A text read and judged for the popup: a credential's findings for the popup to word, or why it is none. */
export type CredentialJudgement =
  | { ok: true; read: Extract<ReadResult, { ok: false }> }
  | { ok: true; read: Extract<ReadResult, { ok: true }>; fingerprint: string; findings: Finding[] };

export type ConnectionStartResponse = { ok: true; fingerprint: string } | { ok: false; error: string; confirmSource?: string };

/** What the popup draws at open (lib/background/popup-context.ts): the settings it needs, with the policy applied. */
export interface PopupContext {
  /** The vault's idle time (the policy's, if it sets one). */
  idleMs: number;
  readClipboardOnOpen: boolean;
  /** Set when stored settings were repaired or reset on load (lib/settings). */
  notice?: string;
  target: PopupTab;
  /** An https tab where fields may be picked (lib/pick): its origin and what was picked there before. */
  pick?: { origin: string; picked?: { fields: number; at: number } };
}

export interface ResponseFor {
  fill: FillResponse;
  'connection.start': ConnectionStartResponse;
  'connection.cancel': { ok: true };
  'pick.start': { ok: true; picked: number } | { ok: false; error: string };
  'pick.fill': FillResponse;
  'form.describe': { ok: true; text: string } | { ok: false; error: string };
  'credential.judge': CredentialJudgement | { ok: false; error: string };
  'popup.context': ({ ok: true } & PopupContext) | { ok: false; error: string };
  'tenant.remember': { ok: true } | { ok: false; error: string };
}

/**
 * The background's one request to its offscreen document (lib/background/clipboard-clearer.ts): empty the clipboard
 * if it still holds the text with this SHA-256. Pure-marked like uiRequestSchema: only the offscreen page parses it.
 */
export const clipboardClearSchema = /* @__PURE__ */ (() =>
  z.strictObject({ type: z.literal('clipboard.clear'), sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)) }))();
