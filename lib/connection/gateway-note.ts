/**
 * What the test says about a gateway credential: it carries no client secret, so only the consoles that take it can
 * prove it. PingAccess 9.0 admin API (lib/consoles/README.md): the connection's metadata holds `credentialStatus`.
 */
import type { StepOutcome } from './no-answer';

const PINGACCESS_METADATA_CALL = 'GET /pa-admin-api/v3/pingone/connections/{id}/metadata';

export const GATEWAY_NOTE: StepOutcome = {
  verdict: 'info',
  message:
    'A gateway credential carries no client secret, so this test can only find its environment. PingAccess and PingFederate validate the credential itself when you save the connection.',
  hint: `In PingAccess, read the result back with ${PINGACCESS_METADATA_CALL}: its credentialStatus is VALID, INVALID or UNKNOWN.`,
};
