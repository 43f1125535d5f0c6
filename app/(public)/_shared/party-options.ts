import "server-only";
import { listParties } from "@/lib/server/parties/list-parties";
import type { TActor } from "@/lib/server/permissions";

/** The parties something tracked involves, as options of a filter's select (code and name). */
export async function partyOptions(actor: TActor) {
  const parties = await listParties(actor, { scope: "involved" }, { limit: 100 });
  return parties.items.map((party) => ({ value: party.code, label: `${party.name} (${party.code})` }));
}
