import "server-only";
import type { TActor } from "./permissions";

/**
 * The visitor behind the current request. Sign-in arrives with the accounts issue; until then
 * every visitor is anonymous, which may read published content and nothing more.
 */
export async function getCurrentActor(): Promise<TActor> {
  return null;
}
