"use server";

import { revalidatePath } from "next/cache";
import { ZAdminCreateUser, ZChangeUserRole, ZResetUserPassword, ZUpdateUser, ZUserRef } from "@/lib/schemas/admin-user";
import { defineAction } from "@/lib/server/action";
import { createUserByAdmin } from "@/lib/server/users/create-user-by-admin";
import { disableUser } from "@/lib/server/users/disable-user";
import { enableUser } from "@/lib/server/users/enable-user";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { setUserRole } from "@/lib/server/users/set-user-role";
import { updateUser } from "@/lib/server/users/update-user";

// The admin's user management. Thin: validate, call the use case, refresh the admin pages.

export const createAccount = defineAction({
  permission: "user:manage",
  schema: ZAdminCreateUser,
  handler: async (actor, input) => {
    const user = await createUserByAdmin(actor, input);
    revalidatePath("/admin", "layout");
    return { id: user.id, email: user.email, name: user.name, role: user.role, temporaryPassword: user.temporaryPassword };
  },
});

export const editAccount = defineAction({
  permission: "user:manage",
  schema: ZUpdateUser,
  handler: async (actor, input) => {
    const user = await updateUser(actor, input);
    revalidatePath("/admin", "layout");
    return { id: user.id, version: user.version };
  },
});

export const changeRole = defineAction({
  permission: "user:manage",
  schema: ZChangeUserRole,
  handler: async (actor, input) => {
    const user = await setUserRole(actor, input);
    revalidatePath("/admin", "layout");
    return { id: user.id, role: user.role };
  },
});

export const disableAccount = defineAction({
  permission: "user:manage",
  schema: ZUserRef,
  handler: async (actor, input) => {
    const user = await disableUser(actor, input);
    revalidatePath("/admin", "layout");
    return { id: user.id };
  },
});

export const enableAccount = defineAction({
  permission: "user:manage",
  schema: ZUserRef,
  handler: async (actor, input) => {
    const user = await enableUser(actor, input);
    revalidatePath("/admin", "layout");
    return { id: user.id };
  },
});

export const resetPassword = defineAction({
  permission: "user:manage",
  schema: ZResetUserPassword,
  handler: async (actor, input) => {
    const result = await resetUserPassword(actor, input);
    revalidatePath("/admin", "layout");
    return result;
  },
});
