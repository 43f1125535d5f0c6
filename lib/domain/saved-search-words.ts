import { CORROBORATION_LEVEL_LABELS } from "./corroboration";
import { STATUS_LABELS } from "./statuses";
import type { CorroborationLevel, Direction, Status } from "../generated/prisma/enums";

// A saved developments search in words (decision 039), as its mail, feed and the account's list
// name it: developments matching “tariffs”, escalations, Japan.

export type TSearchWordsInput = {
  q?: string;
  agreement?: string;
  measure?: string;
  party?: string;
  pair?: readonly [string, string];
  status?: readonly Status[];
  direction?: readonly Direction[];
  corroboration?: readonly CorroborationLevel[];
  from?: string;
  to?: string;
};

/** Names of what the search mentions by code or slug; a code without a name is shown as it is. */
export type TSearchNames = { parties: Readonly<Record<string, string>>; agreement?: string; measure?: string };

const DIRECTION_WORDS: Readonly<Record<Direction, string>> = { ESCALATION: "escalations", DE_ESCALATION: "de-escalations", NEUTRAL: "neutral developments" };

const either = (words: readonly string[]) => (words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`);

export function savedSearchWords(search: TSearchWordsInput, names: TSearchNames): string {
  const party = (code: string) => names.parties[code] ?? code;
  const parts = [
    search.q ? `“${search.q}”` : null,
    search.direction?.length ? either(search.direction.map((direction) => DIRECTION_WORDS[direction])) : null,
    search.agreement ? `on ${names.agreement ?? search.agreement}` : null,
    search.measure ? `on ${names.measure ?? search.measure}` : null,
    search.party ? party(search.party) : null,
    search.pair ? `${party(search.pair[0])} – ${party(search.pair[1])}` : null,
    search.status?.length ? `status after ${either(search.status.map((status) => STATUS_LABELS[status]))}` : null,
    search.corroboration?.length ? either(search.corroboration.map((level) => CORROBORATION_LEVEL_LABELS[level].toLowerCase())) : null,
    search.from ? `from ${search.from}` : null,
    search.to ? `until ${search.to}` : null,
  ].filter((part): part is string => Boolean(part));
  return parts.length ? `developments matching ${parts.join(", ")}` : "all developments";
}
