/**
 * The background's single message entry point: sender rule first, then the schema, then the handler.
 * Exported as a plain function so the security suite can drive it table-driven with any sender and payload.
 */
import { errorText } from '../error-text';
import { isExtensionPage, type SenderFacts } from '../extension-page';
import { uiRequestSchema, type ResponseFor, type UiRequest } from '../messages';
import { cancelConnectionTest, startConnectionTest } from './connection-path';
import { fillTab } from './fill-path';
import { describeForms, fillPicked, startPick } from './pick-path';
import { judgeForPopup } from './judge-path';
import { popupContext } from './popup-context';
import { rememberTabTenant } from './remember-tenant';

/** The router's own answer to a message it will not hand to any handler (wrong sender, unknown shape). */
export type RouterRefusal = { ok: false; error: string };

/**
 * One handler per request type, typed from the schema: a request added to uiRequestSchema does not compile until it
 * has a handler here and a response type in ResponseFor.
 */
const HANDLERS: { [Type in UiRequest['type']]: (request: Extract<UiRequest, { type: Type }>) => ResponseFor[Type] | Promise<ResponseFor[Type]> } = {
  fill: fillTab,
  'connection.start': startConnectionTest,
  'connection.cancel': cancelConnectionTest,
  'pick.start': startPick,
  'pick.fill': fillPicked,
  'form.describe': describeForms,
  'credential.judge': judgeForPopup,
  'popup.context': popupContext,
  'tenant.remember': rememberTabTenant,
};

/** Never rejects: a handler that throws answers `{ ok: false, error }`, so every page reads one shape. */
export async function routeMessage(
  message: unknown,
  sender: SenderFacts,
  extension: { id: string; origin: string },
): Promise<RouterRefusal | ResponseFor[UiRequest['type']]> {
  if (!isExtensionPage(sender, extension.id, extension.origin)) {
    return { ok: false, error: 'Refused: commands are accepted only from the extension’s own pages.' } satisfies RouterRefusal;
  }
  const parsed = uiRequestSchema.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: 'Refused: the message is not one the background understands.' } satisfies RouterRefusal;
  }
  const request = parsed.data;
  const handle = HANDLERS[request.type] as (request: UiRequest) => ResponseFor[UiRequest['type']] | Promise<ResponseFor[UiRequest['type']]>;
  try {
    return await handle(request);
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}
