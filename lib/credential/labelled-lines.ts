/**
 * `Client ID`, `Client Secret`, `Environment ID` lines as copied from PingOne's application page (Configuration tab),
 * in any order, with `:` or a tab between label and value, or the value on the next line; plus optional PingOne
 * console or issuer links, which give the region (and the environment id).
 */
import { environmentOfPingOneUrl } from './claim-region';
import { oidcAppCredential, type OidcAppFields } from './oidc-app';
import type { ReadResult } from './types';

type LineField = 'clientId' | 'clientSecret' | 'environmentId' | 'issuer';

const LABELS: readonly { field: LineField; label: RegExp; name: string }[] = [
  { field: 'clientId', label: /^client[\s_-]*id$/i, name: 'Client ID' },
  { field: 'clientSecret', label: /^client[\s_-]*secret$/i, name: 'Client Secret' },
  { field: 'environmentId', label: /^env(ironment)?[\s_-]*id$/i, name: 'Environment ID' },
  { field: 'issuer', label: /^issuer(\s*url)?$/i, name: 'Issuer' },
];

/** The first word of every label in LABELS: a one-line text (a JWT) without it at the start holds no label. */
const STARTS_WITH_LABEL_WORD = /^\s*(?:client|env|issuer)/i;

/**
 * Label, then `:` or tab, then the value (possibly empty: the value is on the next line). The label is trimmed
 * afterwards: a `\s*` before the separator would make the match quadratic on a long line without one.
 */
const LABELLED_LINE = /^([^:\t]*)[:\t]\s*(.*)$/;

function labelOf(line: string): { field: LineField; name: string; value: string } | undefined {
  const match = LABELLED_LINE.exec(line);
  const label = (match ? match[1] : line) ?? '';
  const found = LABELS.find((candidate) => candidate.label.test(label.trim()));
  return found && { field: found.field, name: found.name, value: (match?.[2] ?? '').trim() };
}

/** Whether the text has at least one recognised label: then it is read as lines, whatever else it holds. */
export function looksLikeLabelledLines(text: string): boolean {
  // Skips splitting and matching every label against a long single line, such as a JWT.
  if (!text.includes('\n') && !text.includes('\r') && !STARTS_WITH_LABEL_WORD.test(text)) return false;
  return text.split(/\r?\n|\r/).some((line) => labelOf(line.trim()) !== undefined);
}

function conflict(what: string, first: string, second: string): ReadResult {
  return {
    ok: false,
    error: {
      code: 'lines.conflict',
      message: `${what} appears twice with different values: ${first} and ${second}.`,
      hint: 'The text holds values from two applications or environments. Copy the values of one application only.',
    },
  };
}

/** The link in a line that is a bare URL or `Some label: URL` (e.g. "Token Endpoint: https://auth.pingone.eu/..."). */
function linkIn(line: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(line)) return line;
  return LABELLED_LINE.exec(line)?.[2] ?? '';
}

export function readLabelledLines(text: string): ReadResult {
  const lines = text
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const values: Partial<Record<LineField, string>> = {};
  // The first bare PingOne links, kept as claims so the region checks see them.
  const links: { consoleUrl?: string; authUrl?: string } = {};
  let linkEnvironmentId: string | undefined;
  let linkRegion: { name: string; link: string } | undefined;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const labelled = labelOf(line);
    let link: string;
    if (labelled) {
      let value = labelled.value;
      const next = lines[index + 1];
      if (value === '' && next !== undefined && !labelOf(next)) {
        value = next;
        index++;
      }
      if (value === '') continue;
      const previous = values[labelled.field];
      if (previous !== undefined && previous !== value) {
        // Secrets are never echoed, even in an error message.
        return labelled.field === 'clientSecret'
          ? conflict('Client Secret', '(hidden)', '(another hidden value)')
          : conflict(labelled.name, previous, value);
      }
      values[labelled.field] = value;
      if (labelled.field !== 'issuer') continue;
      link = value;
    } else {
      link = linkIn(line);
    }
    // Links off PingOne (such as the redirect URIs on the same page) are ignored here; a labelled Issuer off
    // PingOne is kept as a claim above, so the region checks flag it.
    const pingOne = environmentOfPingOneUrl(link);
    if (!pingOne) continue;
    if (!labelled) {
      if (/^https?:\/\/console\./i.test(link)) links.consoleUrl ??= link;
      else links.authUrl ??= link;
    }
    if (linkRegion && linkRegion.name !== pingOne.region.name) {
      return conflict('The region in the links', `${linkRegion.name} (${linkRegion.link})`, `${pingOne.region.name} (${link})`);
    }
    linkRegion ??= { name: pingOne.region.name, link };
    const environmentId = pingOne.environmentId?.toLowerCase();
    if (environmentId) {
      if (linkEnvironmentId && linkEnvironmentId !== environmentId) {
        return conflict('The environment in the links', linkEnvironmentId, environmentId);
      }
      linkEnvironmentId = environmentId;
    }
  }

  if (values.environmentId && linkEnvironmentId && values.environmentId.toLowerCase() !== linkEnvironmentId) {
    return conflict('The environment', `${values.environmentId} (Environment ID line)`, `${linkEnvironmentId} (link)`);
  }
  if (!values.clientId && !values.clientSecret && !values.environmentId && !linkEnvironmentId) {
    return {
      ok: false,
      error: {
        code: 'lines.no-values',
        message: 'Found Client ID / Client Secret / Environment ID labels, but no values for them.',
        hint: 'Copy the values too: each label followed by its value, on the same line after ":" or on the next line.',
      },
    };
  }
  const fields: OidcAppFields = {
    clientId: values.clientId,
    clientSecret: values.clientSecret,
    environmentId: values.environmentId ?? linkEnvironmentId,
  };
  const claims: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries({ ...fields, issuer: values.issuer, ...links })) {
    if (value !== undefined) claims[key] = value;
  }
  return { ok: true, credential: oidcAppCredential('labelled-lines', fields, claims) };
}
