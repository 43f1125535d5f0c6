"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, ZCreateApiToken } from "@/lib/server/api-tokens/create-api-token";
import { revokeApiToken, ZRevokeApiToken } from "@/lib/server/api-tokens/revoke-api-token";
import { defineAction } from "@/lib/server/action";

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
