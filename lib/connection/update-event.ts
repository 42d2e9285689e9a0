/**
 * The background's broadcast while a connection test runs, and the popup's check of one on arrival. The sender rule
 * (../extension-page.ts) already limits what arrives to the extension's own pages and worker; this check keeps any
 * other message of theirs from reaching the view as a report. Written out, not in zod: it is the one message the popup
 * parses, and zod would be the largest part of everything the popup loads (`npm run size`).
 */
import type { ConnectionReport } from './types';

export interface ConnectionUpdate {
  type: 'connection.update';
  report: ConnectionReport;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The report a `connection.update` carries, or undefined for any other message (extra keys too, as a strict schema). */
export function connectionUpdateOf(message: unknown): ConnectionReport | undefined {
  if (!isObject(message) || message.type !== 'connection.update' || Object.keys(message).length !== 2) return undefined;
  const { report } = message;
  // The report's inner shape is built by the background itself; the popup renders it as text only.
  if (!isObject(report) || typeof report.fingerprint !== 'string' || typeof report.startedAt !== 'number') return undefined;
  return Array.isArray(report.steps) && report.steps.every(isObject) ? (report as unknown as ConnectionReport) : undefined;
}
