import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConsoleId } from '../../lib/consoles/types';
import { errorText } from '../../lib/error-text';
import type { CredentialJudgement } from '../../lib/messages';

/** Asks the background to read and judge a text for the console the popup shows (lib/background/judge-path.ts). */
export type JudgeHandler = (text: string, on: ConsoleId | undefined) => Promise<CredentialJudgement>;

/** A judgement and what it was asked for: a view uses it for its text only, and its checks for its console only. */
export interface Judged {
  text: string;
  on: ConsoleId | undefined;
  judgement: CredentialJudgement;
}

/**
 * The background's reading of `text` for the console `on`, asked again when either changes or the tab's context does
 * (a fill records a use the reuse check weighs). The last question wins: an answer to an earlier one, arriving late
 * after fast pastes, is dropped. `failure`: why the background gave no answer.
 */
export function useJudgement(judge: JudgeHandler, text: string, on: ConsoleId | undefined, context: unknown) {
  const [state, setState] = useState<{ judged?: Judged; failure?: string }>({});
  // The handler is new at each render of the page's wiring; a new question follows the text, console or context only.
  const latestJudge = useRef(judge);
  latestJudge.current = judge;
  useEffect(() => {
    if (text.trim() === '') return;
    let current = true;
    latestJudge.current(text, on).then(
      (judgement) => current && setState({ judged: { text, on, judgement } }),
      (error: unknown) => current && setState((last) => ({ ...last, failure: errorText(error) })),
    );
    return () => {
      current = false;
    };
  }, [text, on, context]);
  return state;
}
