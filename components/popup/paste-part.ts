/**
 * What a paste needs and the empty popup does not, in one chunk loaded on first need (lazy-module.ts `pastePart`):
 * the credential engine (read, check, fingerprint), the consoles' rules and plans, the views of what was read
 * (verdict, checks, fill options, details, export, claims, and the text the context menu sent) and of what was done
 * with it (the fill report or the words of the checks that refused it, the connection test's region and report), and the schema of the
 * connection reports the background broadcasts (a report belongs to a pasted credential). `npm run size` counts it
 * apart from the first screen.
 */
export { checkCredential, fingerprintCredential, readCredential } from '../../lib/credential';
export { fillRefusal } from './fill-refusal';
export { consoleById } from '../../lib/consoles';
export { backgroundEventSchema } from '../../lib/messages';
export { exportRequests, plannedValue } from './console-values';
export { CheckVerdict, ChecksList } from './ChecksList';
export { ClaimsTable } from './ClaimsTable';
export { ConnectionReportView } from './ConnectionReportView';
export { CredentialSummary } from './CredentialSummary';
export { DraftView } from './DraftView';
export { ExportPanel } from './ExportPanel';
export { FillOptions } from './FillOptions';
export { FillReportView } from './FillReportView';
export { Fold } from './Fold';
export { foldedLine, IdentityLine } from './IdentityLine';
export { RegionChoice } from './RegionChoice';
