import "server-only";
import type { TAdminCreateUser } from "../../schemas/admin-user";
import { assertSignedInCan, type TActor } from "../permissions";
import { createUser } from "./create-user";
import { generateTemporaryPassword } from "./temporary-password";

/**
 * An admin creates (invites) an account. Without a password given, a temporary one is generated
 * and returned once, for the admin to hand over; it is stored only as its argon2id hash.
 */
export async function createUserByAdmin(actor: TActor, input: TAdminCreateUser) {
  assertSignedInCan(actor, "user:manage");
  const temporaryPassword = input.password ? null : generateTemporaryPassword();
  const user = await createUser(actor, { email: input.email, name: input.name, role: input.role, password: input.password ?? temporaryPassword! });
  return { ...user, temporaryPassword };
}
