/** The connection test: plan from the region table, run with timeouts and cancel, reports without secrets. */
export type * from './types';
export { runConnectionTest, type ConnectionTestOptions } from './runner';
