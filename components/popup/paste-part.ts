/**
 * What a paste needs and the empty popup does not, in one chunk loaded on first need (lazy-module.ts `pastePart`):
 * the credential engine (read, check, fingerprint) and the views of what was read (details, export, claims, and the
 * text the context menu sent). `npm run size` counts it apart from the first screen.
 */
export { checkCredential, fingerprintCredential, readCredential } from '../../lib/credential';
export { ClaimsTable } from './ClaimsTable';
export { CredentialSummary } from './CredentialSummary';
export { DraftView } from './DraftView';
export { ExportPanel } from './ExportPanel';
