import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { TActor } from "../permissions";

// An actor fixed for a stretch of work: an API request authenticated by a token, or a test
// acting as a given user. getCurrentActor() looks here before it looks at the session cookie.
const actorStorage = new AsyncLocalStorage<{ actor: TActor }>();

/** Runs `work` with `actor` as the current actor. */
export function runAsActor<T>(actor: TActor, work: () => T): T {
  return actorStorage.run({ actor }, work);
}

/** The actor fixed by runAsActor, or undefined when none is. */
export function fixedActor(): { actor: TActor } | undefined {
  return actorStorage.getStore();
}
