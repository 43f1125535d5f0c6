"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { safeCallbackPath, ZSignIn } from "@/lib/schemas/auth";
import { defineAction } from "@/lib/server/action";
import { clientAddress, endSession, startSession } from "@/lib/server/auth/session-cookie";
import { signInWithPassword } from "@/lib/server/auth/sign-in-with-password";

export const signIn = defineAction({
  permission: null,
  schema: ZSignIn,
  handler: async (_actor, input) => {
    const user = await signInWithPassword(input, await clientAddress());
    await startSession(user.id);
    redirect(safeCallbackPath(input.callbackUrl));
  },
});

export const signOut = defineAction({
  permission: null,
  schema: z.object({}),
  handler: async () => {
    await endSession();
    redirect("/");
  },
});
