import { describe, expect, it } from 'vitest';
import { PICKED_FORM, settingsWith } from '../../test/fixtures/tenants';
import { MAX_PICKED } from './model';
import { forgetPicked, pickedFor, rememberPicked } from './picked';

describe('picked fields per origin', () => {
  it('keeps one row per origin, the newest first, and forgets it', () => {
    const again = { ...PICKED_FORM, at: PICKED_FORM.at + 1 };
    const other = { ...PICKED_FORM, origin: 'https://other.example.test' };
    const settings = rememberPicked(rememberPicked(rememberPicked(settingsWith({}), PICKED_FORM), other), again);
    expect(settings.picked).toEqual([again, other]);
    expect(pickedFor(settings, PICKED_FORM.origin)).toBe(again);
    expect(forgetPicked(settings, PICKED_FORM.origin).picked).toEqual([other]);
  });
  it(`keeps at most ${MAX_PICKED} origins`, () => {
    let settings = settingsWith({});
    for (let index = 0; index <= MAX_PICKED; index++) settings = rememberPicked(settings, { ...PICKED_FORM, origin: `https://a${index}.example.test` });
    expect(settings.picked).toHaveLength(MAX_PICKED);
    expect(settings.picked[0]!.origin).toBe(`https://a${MAX_PICKED}.example.test`);
  });
});
