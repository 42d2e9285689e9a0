/**
 * What a paste needs and the empty popup does not, in one chunk loaded on first need (lazy-module.ts `pastePart`):
 * the words of the checks (the background reads and judges: lib/background/judge-path.ts), the consoles' rules and
 * plans, the views of what was read (verdict, checks, fill options, details, export, claims, and the text the context
 * menu sent, and the page a selection came from) and of what was done with it (the fill report or the words of the checks that refused it, the connection
 * test's region and report, and the check of the reports the background broadcasts). `npm run size` counts it apart from the first screen.
 */
export { wordFinding } from '../../lib/credential/check-words';
export { fillRefusal } from './fill-refusal';
export { consoleById } from '../../lib/consoles';
export { connectionUpdateOf } from '../../lib/connection/update-event';
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
export { RefusalAlert } from './RefusalAlert';
export { RegionChoice } from './RegionChoice';
export { SelectionSource } from './SelectionSource';
