/** The connection test: plan from the region table, run with timeouts and cancel, reports without secrets. */
export type * from './types';
export { runConnectionTest, DEFAULT_STEP_TIMEOUT_MS, type ConnectionTestOptions } from './runner';
export { connectionPlan, STEP_TITLES, type ConnectionPlan, type PlanResult } from './plan';
export { PINGACCESS_METADATA_CALL } from './gateway-note';
