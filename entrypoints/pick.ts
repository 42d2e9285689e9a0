/**
 * `/pick.js`: injected by the background into a tab's top frame only (lib/background/pick-path.ts), where it exposes
 * the picker and the form describer (lib/pick) for the background's next executeScript call. Never a value read.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { describePageText } from '../lib/pick/describe';
import { DESCRIBE_GLOBAL, PICK_GLOBAL } from '../lib/pick/globals';
import { pickFields } from '../lib/pick/picker';

export default defineUnlistedScript(() => {
  Object.assign(globalThis, { [PICK_GLOBAL]: pickFields, [DESCRIBE_GLOBAL]: describePageText });
});
