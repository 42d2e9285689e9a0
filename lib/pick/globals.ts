/**
 * The globals `/pick.js` (entrypoints/pick.ts) sets in the tab's isolated world, which the background's next
 * executeScript call invokes: apart from the picker and the describer so the background carries neither.
 */
export const PICK_GLOBAL = '__pingoneConnectionHelperPick';
export const DESCRIBE_GLOBAL = '__pingoneConnectionHelperDescribe';
