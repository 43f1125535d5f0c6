import "server-only";
import { z } from "zod";
import { text } from "../../schemas/text";
import { ZEmail } from "../../schemas/auth";
import { AppError } from "../errors";
import { lockForTransaction, runWriteTransaction } from "../write-transaction";
import { insertUser } from "./create-user";

/**
 * The claims we trust from an OpenID Connect provider. Accounts are keyed by email (there is no
 * provider-subject table), so an email the provider does not vouch for must never sign in: it
 * would match someone else's account, or plant an account that the real owner later inherits.
 * Only `email_verified: true` counts; a missing claim or the string "true" does not.
 */
export const ZSingleSignOnProfile = z.object({
  email: ZEmail,
  email_verified: z.literal(true),
  name: text().trim().min(1).max(120).optional().catch(undefined),
});

/**
 * The account an OIDC sign-in becomes: the existing one with the verified email, else a new
 * reader (audited). Throws FORBIDDEN for an unverified or missing email and a disabled account.
 */
export async function signInWithSingleSignOn(profile: unknown): Promise<{ id: string; isNew: boolean }> {
  const parsed = ZSingleSignOnProfile.safeParse(profile);
  if (!parsed.success) {
    throw new AppError("FORBIDDEN", "The sign-on provider did not confirm your email address (email_verified), so it cannot sign you in here.");
  }
  const { email, name } = parsed.data;
  return runWriteTransaction(async (tx) => {
    // Two first sign-ins of the same person at once make one account, not a unique-key error.
    await lockForTransaction(tx, "user-email", email);
    const found = await tx.user.findUnique({ where: { email }, select: { id: true, disabledAt: true } });
    if (found?.disabledAt) throw new AppError("FORBIDDEN", "This account is disabled: ask an administrator to re-enable it.");
    if (found) return { id: found.id, isNew: false };
    const created = await insertUser(tx, null, { email, name: name ?? email, role: "READER", passwordHash: null }, "single sign-on");
    return { id: created.id, isNew: true };
  });
}
