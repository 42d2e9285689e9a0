import { describe, expect, it, vi } from 'vitest';
import { openInspector } from './open-inspector';

const POPUP_URL = 'chrome-extension://id/popup.html';

describe('openInspector', () => {
  it('uses action.openPopup in Chrome MV3', async () => {
    const openTab = vi.fn(async () => undefined);
    const openPopup = vi.fn(async () => undefined);
    expect(await openInspector({ action: { openPopup }, openTab, popupUrl: POPUP_URL })).toBe('popup');
    expect(openPopup).toHaveBeenCalledOnce();
    expect(openTab).not.toHaveBeenCalled();
  });

  it('uses browserAction.openPopup in the Firefox MV2 build, which has no `action`', async () => {
    const openTab = vi.fn(async () => undefined);
    const openPopup = vi.fn(async () => undefined);
    expect(await openInspector({ browserAction: { openPopup }, openTab, popupUrl: POPUP_URL })).toBe('popup');
    expect(openTab).not.toHaveBeenCalled();
  });

  it('opens the popup page in a tab when openPopup is refused', async () => {
    const openTab = vi.fn(async () => undefined);
    const openPopup = vi.fn(async () => Promise.reject(new Error('no active browser window')));
    expect(await openInspector({ action: { openPopup }, openTab, popupUrl: POPUP_URL })).toBe('tab');
    expect(openTab).toHaveBeenCalledWith(POPUP_URL);
  });

  it('opens a tab where no openPopup exists at all', async () => {
    const openTab = vi.fn(async () => undefined);
    expect(await openInspector({ openTab, popupUrl: POPUP_URL })).toBe('tab');
    expect(openTab).toHaveBeenCalledWith(POPUP_URL);
  });
});
