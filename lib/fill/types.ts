/**
 * What the background hands to the page and what the page hands back. Plain JSON (it crosses
 * `scripting.executeScript`), so no functions, RegExps or class instances in here.
 */

export type FieldControl = 'text' | 'textarea' | 'checkbox' | 'select';

export interface FieldLocator {
  /** Visible label text variants, most specific first; matched case- and whitespace-insensitively. */
  labels: string[];
  /** Lower-trust hints, tried only when no label matches: `name`/`id` attribute values and placeholder text. */
  names?: string[];
  ids?: string[];
  placeholders?: string[];
}

export interface PlannedField {
  /** Stable key, e.g. `clientSecret`. */
  key: string;
  /** Human label for the report ("Client Secret"). */
  label: string;
  control: FieldControl;
  locate: FieldLocator;
  /** text/textarea: the string; checkbox: true/false; select: the option's visible text or value. */
  value: string | boolean;
  /** Secret values are never echoed back in a report. */
  secret?: boolean;
  /** Optional fields that are missing are reported as `absent`, not as a failure. */
  optional?: boolean;
}

export interface FillPlan {
  consoleId: string;
  consoleName: string;
  /** The only origin this plan may be written into (scheme://host[:port]). */
  origin: string;
  fields: PlannedField[];
  /** Things the admin must still do by hand, e.g. "Step 2: Name, after Next" or "Use Proxy: left to you". */
  notes?: string[];
  /**
   * Set when the console will not take this credential at all (a wrong kind): the engine then writes nothing and
   * reports this as the page-level refusal, whatever override the admin gave for other checks.
   */
  refused?: string;
}

/** `not-kept`: the value went into the page, whose script saw it, but the field did not keep it. */
export type FieldStatus = 'filled' | 'unchanged' | 'absent' | 'not-found' | 'refused' | 'not-kept';

export interface FieldOutcome {
  key: string;
  label: string;
  status: FieldStatus;
  /** Why not filled, e.g. "hidden (display:none)", "covered by another element", "disabled". */
  reason?: string;
  /**
   * The value reached the page, where its script could read it, whatever the field holds now (filled, not kept,
   * or written and then put back): the report and the record of where a credential was used say so.
   */
  reached?: boolean;
}

export interface FillReport {
  consoleId: string;
  /** Page-level refusal (wrong origin, not the top frame...): nothing was written. */
  refused?: string;
  fields: FieldOutcome[];
  notes: string[];
  /** Time from the start of the fill in the page to the last field written, measured in the page. */
  durationMs: number;
}

/** What one write did: its status, why not, and whether the value reached the page at all. */
export type WriteResult = {
  status: Extract<FieldStatus, 'filled' | 'unchanged' | 'refused' | 'not-kept'>;
  reason?: string;
  /** The value was put into the page, where its script could read it, whatever the field holds now. */
  reached?: boolean;
};
