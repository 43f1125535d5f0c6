import "server-only";
import type { Prisma } from "../../generated/prisma/client";

export const PARTY_RECORD_SELECT = {
  id: true,
  code: true,
  name: true,
  kind: true,
  aliases: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.PartySelect;

export type TPartyRecord = Prisma.PartyGetPayload<{ select: typeof PARTY_RECORD_SELECT }>;

/** The party as its edit form shows it. */
export function partyFormValues(record: TPartyRecord) {
  return { code: record.code, kind: record.kind, name: record.name, aliases: record.aliases.join("\n") };
}
