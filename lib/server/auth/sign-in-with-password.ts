import "server-only";
import type { TSignIn } from "../../schemas/auth";
import { recordAuditEvent } from "../audit/record-audit-event";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { hashPassword, verifyPassword } from "../users/password";
import { setTimeout as sleep } from "node:timers/promises";
import { settleSuccessfulSignIn, takeSignInAttempt } from "./sign-in-limits";
import { runWriteTransaction } from "../write-transaction";

// Verifying against a real hash when the account does not exist keeps the answer time the
// same, so timing does not tell which emails have accounts.
let decoyHash: Promise<string> | undefined;

/**
 * Checks an email and password under the sign-in limits; returns the user to start a session
 * for. Every attempt takes its limiter points first (atomically, so parallel guesses cannot beat
 * the limit) and waits out the account's slowdown; a success gives the points back.
 */
export async function signInWithPassword(input: TSignIn, clientAddress: string): Promise<{ id: string }> {
  const { delayMs } = await takeSignInAttempt(input.email, clientAddress);
  if (delayMs > 0) await sleep(delayMs);
  const database = getDatabase();
  const user = await database.user.findUnique({
    where: { email: input.email },
    select: { id: true, role: true, name: true, email: true, passwordHash: true, disabledAt: true },
  });
  decoyHash ??= hashPassword("decoy password that matches nothing");
  const isValid = await verifyPassword(user?.passwordHash ?? (await decoyHash), input.password);
  if (!user || !user.passwordHash || !isValid) {
    throw new AppError("UNAUTHENTICATED", "Wrong email or password.", { password: ["Check the email and password and try again"] });
  }
  if (user.disabledAt) throw new AppError("FORBIDDEN", "This account is disabled: ask an administrator to re-enable it.");
  await settleSuccessfulSignIn(input.email, clientAddress);
  await runWriteTransaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await recordAuditEvent(tx, { id: user.id, role: user.role, name: user.name, email: user.email }, {
      action: "user:sign-in",
      entityType: "User",
      entityId: user.id,
    });
  });
  return { id: user.id };
}
