/**
 * Settings files: export the environment map and preferences as JSON, and import one back, all or nothing, with a
 * row-level error for every problem and a refusal of anything that looks like a secret. Only the options page needs
 * this, so it lives apart from the rest of lib/settings/, which the popup and the background load too (popup size budget),
 * and the options page loads it by `import()` when the admin imports or exports (entrypoints/options/main.tsx).
 */
import * as z from 'zod/mini';
import { DEFAULT_IDLE_CLEAR_MINUTES, MAX_PICKED, MAX_SELF_HOSTED, MAX_TENANTS, type Settings } from './model';
import { isRecord } from './repair';
import {
  expecting,
  formatPath,
  idleClearSchema,
  issuesOf,
  oneRowPerOrigin,
  pickedFormSchema,
  readClipboardSchema,
  selfHostedSchema,
  type SettingsError,
  tenantSchema,
} from './schema';
export const EXPORT_FORMAT = 'pingone-connection-helper/settings';

/**
 * The environment map and preferences as JSON. The fill history (`uses`) is left out: it records what happened
 * in this browser, and imported into another it would make the reuse check warn about fills that never happened
 * there. Fingerprints are not secrets, but the history is not configuration.
 */
export function exportSettings(settings: Settings): string {
  const file = {
    format: EXPORT_FORMAT,
    version: 1,
    tenants: settings.tenants,
    selfHosted: settings.selfHosted,
    idleClearMinutes: settings.idleClearMinutes,
    readClipboardOnOpen: settings.readClipboardOnOpen,
    // How to find picked fields again on forms no console module knows (lib/pick): names, never values.
    picked: settings.picked,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const importSchema = z.strictObject({
  format: z.optional(z.literal(EXPORT_FORMAT, expecting(`"${EXPORT_FORMAT}"`))),
  version: z.literal(1, expecting('1 (this extension reads version 1 files)')),
  tenants: z.array(tenantSchema, expecting('a list of tenants')).check(
    z.maxLength(MAX_TENANTS, `at most ${MAX_TENANTS} tenants`),
    oneRowPerOrigin('tenants'),
  ),
  selfHosted: z.optional(
    z.array(selfHostedSchema, expecting('a list of console origins')).check(
      z.maxLength(MAX_SELF_HOSTED, `at most ${MAX_SELF_HOSTED} console origins`),
      oneRowPerOrigin('selfHosted'),
    ),
  ),
  idleClearMinutes: z.optional(idleClearSchema),
  readClipboardOnOpen: z.optional(readClipboardSchema),
  picked: z.optional(
    z.array(pickedFormSchema, expecting('a list of picked forms')).check(
      z.maxLength(MAX_PICKED, `at most ${MAX_PICKED} picked forms`),
      oneRowPerOrigin('picked'),
    ),
  ),
}, expecting('a settings object'));

/** Key names that hold secrets in the credential formats this extension reads (lib/credential/README.md) and beyond. */
const SECRET_KEY = /secret|token|credential|password|passwd|private|^raw$|^jwt$|^key$|apikey/i;
/** A compact JWS: three base64url parts, the first one a JSON header (`eyJ`). */
const JWT_TEXT = /^\s*(Bearer\s+)?eyJ[\w-]*\.[\w-]+\.[\w-]*\s*$/;

function secretsIn(value: unknown, path: (string | number)[], found: SettingsError[]): void {
  if (typeof value === 'string') {
    if (JWT_TEXT.test(value)) {
      found.push({ path: formatPath(path), message: 'looks like a JWT; a settings file never holds a credential' });
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => secretsIn(item, [...path, index], found));
    return;
  }
  if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (SECRET_KEY.test(key.replace(/[_\-\s]/g, ''))) {
        found.push({
          path: formatPath([...path, key]),
          message: 'looks like a secret; a settings file never holds secrets: remove this field and import again',
        });
      } else {
        secretsIn(item, [...path, key], found);
      }
    }
  }
}

const JSON_ENDS_EARLY = 'the file ends too early (a missing } or ]?)';

/**
 * Where and why `text` stops being JSON (RFC 8259), for a file JSON.parse refused; undefined when the grammar finds
 * nothing wrong. One pass with an explicit stack (no recursion), so any file size and nesting depth is fine.
 * The reasons are this extension's own words: the engine's message can quote the file (V8: `Unexpected token 'e',
 * "eyJhbGciOi"... is not valid JSON`), and a settings file pasted by mistake might be a credential.
 * Offsets agree with V8's `at position N` wherever V8 gives one (lib/settings/transfer.test.ts checks that on random input).
 */
function jsonSyntaxError(text: string): { offset: number; reason: string } | undefined {
  let at = 0;
  /** The closing bracket each open object or list still needs, innermost last. */
  const open: ('}' | ']')[] = [];
  const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9';
  const fail = (reason: string) => ({ offset: at, reason: at >= text.length ? JSON_ENDS_EARLY : reason });
  const skipSpace = () => {
    while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
  };

  const string = () => {
    at++;
    while (at < text.length) {
      const char = text[at]!;
      if (char === '"') {
        at++;
        return undefined;
      }
      if (char < ' ') return fail('a control character (a line break or tab) inside a "string": write it as \\n or \\t');
      if (char === '\\') {
        at++;
        const escaped = text[at];
        if (escaped === 'u') {
          for (let digit = 0; digit < 4; digit++) {
            at++;
            if (!/[0-9a-fA-F]/.test(text[at] ?? '')) return fail('\\u must be followed by four hexadecimal digits');
          }
        } else if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) {
          return fail('a backslash in a "string" that starts no known escape (\\\\ for a backslash itself)');
        }
      }
      at++;
    }
    return { offset: at, reason: 'the file ends inside a "string" (a missing ")' };
  };

  const number = () => {
    if (text[at] === '-') {
      at++;
      if (!isDigit(text[at])) return fail('a minus sign without a number after it');
    }
    if (text[at] === '0') at++;
    else while (isDigit(text[at])) at++;
    if (text[at] === '.') {
      at++;
      if (!isDigit(text[at])) return fail('a decimal point without digits after it');
      while (isDigit(text[at])) at++;
    }
    if (text[at] === 'e' || text[at] === 'E') {
      at++;
      if (text[at] === '+' || text[at] === '-') at++;
      if (!isDigit(text[at])) return fail('an exponent without digits');
      while (isDigit(text[at])) at++;
    }
    return undefined;
  };

  const word = () => {
    const expected = ['true', 'false', 'null'].find((candidate) => candidate[0] === text[at]);
    if (!expected) return fail('a value must be an object, a list, a "string", a number, true, false or null');
    for (const char of expected) {
      if (text[at] !== char) return fail(`expected ${expected}`);
      at++;
    }
    return undefined;
  };

  /** A property name and its colon, after `{` or a comma in an object. */
  const propertyName = () => {
    skipSpace();
    if (text[at] !== '"') return fail('expected a property name in "double quotes"');
    const problem = string();
    if (problem) return problem;
    skipSpace();
    if (text[at] !== ':') return fail('expected : after the property name');
    at++;
    return undefined;
  };

  let valueNext = true;
  for (;;) {
    skipSpace();
    if (valueNext) {
      const char = text[at];
      if (char === '{' || char === '[') {
        at++;
        skipSpace();
        if (text[at] === (char === '{' ? '}' : ']')) {
          at++;
          valueNext = false;
          continue;
        }
        open.push(char === '{' ? '}' : ']');
        if (char === '{') {
          const problem = propertyName();
          if (problem) return problem;
        }
        continue;
      }
      const problem = char === undefined ? fail(JSON_ENDS_EARLY) : char === '"' ? string() : char === '-' || isDigit(char) ? number() : word();
      if (problem) return problem;
      valueNext = false;
      continue;
    }
    const close = open.at(-1);
    if (close === undefined) return at < text.length ? fail('more text after the end of the settings object') : undefined;
    if (text[at] === close) {
      open.pop();
      at++;
    } else if (text[at] === ',') {
      at++;
      if (close === '}') {
        const problem = propertyName();
        if (problem) return problem;
      }
      valueNext = true;
    } else {
      return fail(close === '}' ? 'expected , or } after a property value' : 'expected , or ] after a list item');
    }
  }
}

/** A JSON syntax error as line, column and reason: never the engine's message, never a piece of the file. */
function jsonError(text: string): SettingsError {
  const problem = jsonSyntaxError(text);
  // JSON.parse refused a text the grammar accepts: an engine limit (memory), not a mistake in the file.
  if (!problem) return { path: '(file)', message: 'not valid JSON (the browser could not read it)' };
  const before = text.slice(0, problem.offset);
  const line = before.split('\n').length;
  const column = problem.offset - (before.lastIndexOf('\n') + 1) + 1;
  return { path: '(file)', message: `not valid JSON at line ${line}, column ${column}: ${problem.reason}` };
}

/**
 * A settings file -> Settings, or every error found, each with the row path. All or nothing: the caller applies
 * the result only when ok. The result carries no fill history (`uses: []`); the caller keeps its own.
 */
export function parseSettingsImport(
  text: string,
): { ok: true; settings: Settings } | { ok: false; errors: SettingsError[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: [jsonError(text)] };
  }
  const secrets: SettingsError[] = [];
  secretsIn(json, [], secrets);
  if (secrets.length > 0) return { ok: false, errors: secrets };

  const result = importSchema.safeParse(json);
  if (!result.success) return { ok: false, errors: issuesOf(result.error) };

  const file = result.data;
  return {
    ok: true,
    settings: {
      version: 1,
      tenants: file.tenants,
      selfHosted: file.selfHosted ?? [],
      idleClearMinutes: file.idleClearMinutes ?? DEFAULT_IDLE_CLEAR_MINUTES,
      readClipboardOnOpen: file.readClipboardOnOpen ?? false,
      uses: [],
      picked: file.picked ?? [],
    },
  };
}
