import countries from "i18n-iso-countries";
import { z } from "zod";
import { text } from "./text";
import { PartyKind } from "../generated/prisma/enums";
import { listOf, requiredText, ZVersion } from "./form-input";

/** Whether the code is an ISO 3166-1 alpha-3 code in the maintained package the states come from. */
export function isIsoAlpha3(code: string): boolean {
  return Object.hasOwn(countries.getAlpha3Codes(), code);
}

// Aliases arrive one per line (a textarea) or as a JSON array.
const ZAliases = z
  .preprocess(
    (value) => (typeof value === "string" ? value.split(/\r?\n|;/) : value),
    listOf(text().trim().max(200, "Each alias is limited to 200 characters")),
  )
  .transform((aliases) => [...new Set(aliases.map((alias) => alias.trim()).filter((alias) => alias !== ""))])
  .refine((aliases) => aliases.length <= 50, "At most 50 aliases");

const partyFields = {
  name: requiredText(200, "Enter the party's name", "A name is limited to 200 characters"),
  aliases: ZAliases,
};

/** Creating a party: a state by its ISO 3166-1 alpha-3 code, an organisation by a short code (EU, ASEAN). */
export const ZParty = z
  .object({
    code: z.preprocess(
      (value) => (typeof value === "string" ? value.trim().toUpperCase() : value),
      text({ error: "Enter a code: ISO 3166-1 alpha-3 for a state (JPN), a short code for an organisation (EU)" })
        .regex(/^[A-Z][A-Z0-9]{1,9}$/, "A code is 2 to 10 capital letters or digits, starting with a letter (JPN, EU, ASEAN)"),
    ),
    kind: z.enum(PartyKind, { error: "Choose whether the party is a state or an organisation" }),
    ...partyFields,
  })
  .superRefine((party, context) => {
    if (party.kind === "STATE" && typeof party.code === "string" && !isIsoAlpha3(party.code)) {
      context.addIssue({
        code: "custom",
        path: ["code"],
        message: `${party.code} is not an ISO 3166-1 alpha-3 code: states use codes such as JPN, KOR or USA`,
      });
    }
  });
export type TParty = z.output<typeof ZParty>;

/** Editing a party: its code and kind stay (other records and links name it by code). */
export const ZUpdateParty = z.object({ ...partyFields, version: ZVersion });
export type TUpdateParty = z.output<typeof ZUpdateParty>;
