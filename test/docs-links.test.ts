/**
 * Every citation in the repository can be followed from a clone: no tracked file cites the team's notes outside the
 * repository or an issue number, every relative link in tracked Markdown resolves, and every repo path cited in a
 * code comment or in Markdown resolves. It checks whatever the tree holds when it runs, so files may move freely as
 * long as what cites them moves too. Where the docs live: lib/credential/README.md, lib/connection/README.md,
 * lib/consoles/README.md, lib/fill/README.md, lib/settings/README.md, test/README.md.
 *
 * A cited repo path is recognised in two forms, both ending in .md, .ts, .tsx, .css, .json or .html:
 * - from the repository root, starting with lib/, test/, components/ or entrypoints/ (not inside a URL);
 * - relative to the citing file, starting with ./ or ../.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Built from parts so this file does not cite them itself. */
const STALE = new RegExp(`(?:${['REFERENCE', 'DESIGN', 'TOOLCHAIN'].map((name) => `${name}\\.md`).join('|')})|issue [0-9]`);

const PATH_EXT = String.raw`\.(?:md|tsx?|css|json|html)\b`;
const CITED_PATH = new RegExp(String.raw`(?<![\w./-])(?:(?:lib|test|components|entrypoints)/|\.\.?/)[\w./-]*` + PATH_EXT, 'g');
const MARKDOWN_LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const CODE_FILE = /\.(?:[cm]?[jt]sx?|css|vue)$/;

interface Finding {
  line: number;
  text: string;
}

/** Lines (1-based) that cite a document outside the repository or an issue number. */
function staleCitations(source: string): Finding[] {
  return source.split('\n').flatMap((text, index) => (STALE.test(text) ? [{ line: index + 1, text: text.trim() }] : []));
}

/**
 * The comment text of a JS/TS/CSS source, line by line (code blanked out), so a path in a string is not read as a
 * citation. String and regular-expression literals are skipped; a `/` counts as the start of a regular expression
 * after an operator or an opening bracket, which is enough for this repository's code.
 */
function commentText(source: string): string {
  let out = '';
  let state: 'code' | 'line' | 'block' | 'regex' | "'" | '"' | '`' = 'code';
  let inClass = false;
  let previous = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '\n') {
      // Only block comments and template strings span lines; anything else misread ends here.
      if (state !== 'block' && state !== '`') state = 'code';
      out += '\n';
      continue;
    }
    if (c === '\\' && state !== 'code' && state !== 'line' && state !== 'block') {
      // An escape inside a string or regular expression: skip the next character, keeping a line break.
      out += next === '\n' ? ' \n' : '  ';
      i++;
      continue;
    }
    switch (state) {
      case 'code':
        if (c === '/' && next === '/') state = 'line';
        else if (c === '/' && next === '*') state = 'block';
        else if (c === '/' && (previous === '' || '(,=:[!&|?{};+-*%<>~^'.includes(previous))) {
          state = 'regex';
          inClass = false;
        }
        else if (c === "'" || c === '"' || c === '`') state = c;
        if (!/\s/.test(c)) previous = c;
        out += ' ';
        break;
      case 'regex':
        if (c === '[') inClass = true;
        else if (c === ']') inClass = false;
        else if (c === '/' && !inClass) {
          state = 'code';
          previous = 'x';
        }
        out += ' ';
        break;
      case 'line':
        out += c;
        break;
      case 'block':
        if (c === '*' && next === '/') {
          state = 'code';
          out += '  ';
          i++;
        } else out += c;
        break;
      default:
        if (c === state) {
          state = 'code';
          previous = 'x';
        }
        out += ' ';
    }
  }
  return out;
}

/** Markdown without fenced code blocks (their lines kept, blank), so an example in a fence is not a link. */
function withoutFences(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        fenced = !fenced;
        return '';
      }
      return fenced ? '' : line;
    })
    .join('\n');
}

/** Relative link targets of a Markdown text: not a URL with a scheme (http:, mailto:, ...) and not a bare #anchor. */
function markdownLinks(markdown: string): Finding[] {
  return withoutFences(markdown)
    .split('\n')
    .flatMap((line, index) =>
      [...line.matchAll(MARKDOWN_LINK)]
        .map((match) => match[1] as string)
        .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'))
        .map((target) => ({ line: index + 1, text: target })),
    );
}

/** Repo paths cited in a text, in the two recognised forms (or only the root-relative one). */
function citedPaths(text: string, rootRelativeOnly = false): Finding[] {
  return text
    .split('\n')
    .flatMap((line, index) => [...line.matchAll(CITED_PATH)].map((match) => ({ line: index + 1, text: match[0] })))
    .filter(({ text: cited }) => !rootRelativeOnly || !cited.startsWith('.'));
}

/** Where a cited target points: `./`, `../` and Markdown links from the citing file's folder, the rest from the root. */
function resolveTarget(root: string, citingFile: string, target: string, relativeToFile: boolean): string {
  const bare = decodeURIComponent(target.replace(/[?#].*$/, ''));
  if (bare.startsWith('/')) return path.join(root, bare);
  if (relativeToFile || bare.startsWith('./') || bare.startsWith('../')) return path.join(root, path.dirname(citingFile), bare);
  return path.join(root, bare);
}

/** Every citation of `file` (its text given) that does not resolve, as `file:line target`. */
function brokenCitations(root: string, file: string, text: string, exists: (absolute: string) => boolean): string[] {
  const broken: string[] = [];
  const check = (findings: Finding[], relativeToFile: boolean) => {
    for (const { line, text: target } of findings) {
      if (!exists(resolveTarget(root, file, target, relativeToFile))) broken.push(`${file}:${line} ${target}`);
    }
  };
  if (file.endsWith('.md')) {
    check(markdownLinks(text), true);
    // Relative paths in Markdown are checked as links; in prose only the root-relative form is read.
    check(citedPaths(withoutFences(text), true), false);
  } else if (CODE_FILE.test(file)) {
    check(citedPaths(commentText(text)), false);
  }
  return [...new Set(broken)];
}

const ROOT = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();

/** Tracked files as they are in the working tree (a file deleted but not yet committed is skipped), text only. */
function trackedTextFiles(): { file: string; text: string }[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    .split('\0')
    .filter((file) => file !== '' && existsSync(path.join(ROOT, file)))
    .map((file) => ({ file, text: readFileSync(path.join(ROOT, file), 'utf8') }))
    .filter(({ text }) => !text.includes('\0'));
}

describe('citations in the repository', () => {
  const files = trackedTextFiles();

  it('reads the tracked files', () => {
    expect(files.map(({ file }) => file)).toContain('README.md');
  });

  it('cite no document outside the repository and no issue number', () => {
    const stale = files.flatMap(({ file, text }) => staleCitations(text).map(({ line, text: quoted }) => `${file}:${line} ${quoted}`));
    expect(stale).toEqual([]);
  });

  it('every relative Markdown link and every cited repo path resolves', () => {
    const broken = files.flatMap(({ file, text }) => brokenCitations(ROOT, file, text, existsSync));
    expect(broken).toEqual([]);
  });
});

describe('the citation checker', () => {
  const exists = (absolute: string) => ['/r/lib/a.ts', '/r/lib/credential/README.md', '/r/README.md'].includes(absolute);

  it('finds a note outside the repository and an issue number, by line', () => {
    const text = ['ok', `see ${'TOOLCHAIN'}.md`, `as in issue ${7}`, 'issues are fine, and so is "issue tracker"'].join('\n');
    expect(staleCitations(text).map(({ line }) => line)).toEqual([2, 3]);
  });

  it('names a broken Markdown link with its file and line, and lets good ones, URLs and anchors pass', () => {
    const markdown = ['[a](credential/README.md)', '[b](missing.md#part)', '[c](https://example.com/x.md) [d](#top) [e](mailto:a@b.c)', '```', '[f](in-a-fence.md)', '```'].join('\n');
    expect(brokenCitations('/r', 'lib/README.md', markdown, exists)).toEqual(['lib/README.md:2 missing.md#part']);
  });

  it('reads paths cited in comments, not in strings or inside URLs', () => {
    const source = [
      "// see lib/a.ts and lib/gone.ts",
      "const s = 'lib/not-a-citation.ts';",
      '/* https://github.com/o/r/blob/main/lib/elsewhere.ts and ../README.md */',
      "/** A block comment's second path:",
      ' * ./missing.ts */',
    ].join('\n');
    expect(brokenCitations('/r', 'lib/x.ts', source, exists)).toEqual(['lib/x.ts:1 lib/gone.ts', 'lib/x.ts:5 ./missing.ts']);
  });

  it('checks repo paths written in Markdown prose from the root', () => {
    expect(brokenCitations('/r', 'test/README.md', 'see `lib/a.ts` and `lib/b.ts`', exists)).toEqual(['test/README.md:1 lib/b.ts']);
  });
});
