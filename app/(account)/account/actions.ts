"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createApiToken, ZCreateApiToken } from "@/lib/server/api-tokens/create-api-token";
import { revokeApiToken, ZRevokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";
import { defineAction } from "@/lib/server/action";
import { signOutEverywhere as endAllSessions } from "@/lib/server/auth/sessions";
import { ZSetPublicCredit } from "@/lib/schemas/public-credit";
import { setPublicCredit } from "@/lib/server/users/set-public-credit";

export const createToken = defineAction({
  permission: "api-token:manage-own",
  schema: ZCreateApiToken,
  handler: async (actor, input) => {
    const token = await createApiToken(actor, input);
    revalidatePath("/account");
    return token;
  },
});

export const revokeToken = defineAction({
  permission: "api-token:manage-own",
  schema: ZRevokeApiToken,
  handler: async (actor, input) => {
    const token = await revokeApiToken(actor, input);
    revalidatePath("/account");
    return token;
  },
});

export const signOutEverywhere = defineAction({
  permission: "account:manage-own",
  schema: z.object({}),
  handler: async (actor) => {
    // This browser's session row is revoked with the others: its cookie is dead where it matters,
    // on the server, and the next sign-in replaces it.
    await endAllSessions(actor);
    redirect("/sign-in");
  },
});

export const setPublicCreditAction = defineAction({
  permission: "account:manage-own",
  schema: ZSetPublicCredit,
  handler: async (actor, input) => {
    const saved = await setPublicCredit(actor, input);
    revalidatePath("/", "layout");
    return saved;
  },
});
