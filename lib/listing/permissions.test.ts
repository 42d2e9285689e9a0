// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionList } from './permissions';

describe('permission justifications', () => {
  it('the README lists them exactly as the store listing does', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`\n${permissionList()}\n`);
  });
});
