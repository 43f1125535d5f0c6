import { randomBytes } from "node:crypto";
import type { Role } from "../../lib/generated/prisma/enums";
import type { TDatabase } from "../../lib/server/db";
import type { TSignedInActor } from "../../lib/server/permissions";
import { hashTokenSecret, newTokenSecret } from "../../lib/server/api-tokens/token-secret";
import { hashPassword } from "../../lib/server/users/password";

export const TEST_PASSWORD = "correct horse battery staple";

/** A user of the given role with TEST_PASSWORD; returns the actor use cases take. */
export async function createTestUser(
  db: TDatabase,
  role: Role,
  overrides: { email?: string; name?: string; disabled?: boolean } = {},
): Promise<TSignedInActor> {
  const email = overrides.email ?? `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@example.org`;
  const user = await db.user.create({
    data: {
      email,
      name: overrides.name ?? `Test ${role.toLowerCase()}`,
      role,
      passwordHash: await hashPassword(TEST_PASSWORD),
      disabledAt: overrides.disabled ? new Date() : null,
    },
  });
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}

/** A personal API token for the user, written straight to the database; returns its secret. */
export async function createTestToken(db: TDatabase, userId: string): Promise<string> {
  const secret = newTokenSecret();
  await db.apiToken.create({ data: { userId, name: "test", tokenHash: hashTokenSecret(secret), prefix: secret.slice(0, 10) } });
  return secret;
}
