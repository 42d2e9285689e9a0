/**
 * The background's single message entry point: sender rule first, then the schema, then the handler.
 * Exported as a plain function so the security suite can drive it table-driven with any sender and payload.
 */
import { isExtensionPage, uiRequestSchema, type SenderFacts } from '../messages';
import { cancelConnectionTest, startConnectionTest } from './connection-path';
import { fillTab } from './fill-path';

/** The router's own answer to a message it will not hand to any handler (wrong sender, unknown shape). */
export type RouterRefusal = { ok: false; error: string };

export async function routeMessage(
  message: unknown,
  sender: SenderFacts,
  extension: { id: string; origin: string },
): Promise<unknown> {
  if (!isExtensionPage(sender, extension.id, extension.origin)) {
    return { ok: false, error: 'Refused: commands are accepted only from the extension’s own pages.' } satisfies RouterRefusal;
  }
  const parsed = uiRequestSchema.safeParse(message);
  if (!parsed.success) {
    return { ok: false, error: 'Refused: the message is not one the background understands.' } satisfies RouterRefusal;
  }
  const request = parsed.data;
  switch (request.type) {
    case 'fill':
      return fillTab(request);
    case 'connection.start':
      return startConnectionTest(request);
    case 'connection.cancel':
      return cancelConnectionTest();
  }
}
