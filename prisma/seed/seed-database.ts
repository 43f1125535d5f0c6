import type { PrismaClient } from "../../lib/generated/prisma/client";
import { recordAuditEvent } from "../../lib/server/audit/record-audit-event";
import { hashPassword } from "../../lib/server/users/password";
import { demoAccounts } from "./demo-accounts";
import { demoData } from "./demo-data";
import { loadDemoData } from "./load-demo-data";
import { isoStates } from "./parties";

type TProgress = (message: string) => void;

/** Loads the ISO 3166 states when the party table is empty: reference data, not demo data. */
export async function seedStates(database: PrismaClient, onProgress: TProgress = () => {}): Promise<number> {
  if ((await database.party.count()) > 0) return 0;
  const states = isoStates();
  const { count } = await database.party.createMany({
    data: states.map((state) => ({ ...state, kind: "STATE" as const })),
    skipDuplicates: true,
  });
  onProgress(`${count} states from ISO 3166-1`);
  return count;
}

/** Loads the demo dataset (SPEC §8); safe to run twice. */
export async function seedDemoData(database: PrismaClient, onProgress: TProgress = () => {}) {
  await seedStates(database, onProgress);
  return loadDemoData(database, demoData, onProgress);
}

/** Creates the demo accounts (embedded mode only); existing ones are left as they are. */
export async function seedDemoAccounts(database: PrismaClient): Promise<number> {
  let created = 0;
  for (const account of demoAccounts) {
    const exists = await database.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (exists) continue;
    const user = await database.user.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        passwordHash: await hashPassword(account.password),
      },
      select: { id: true, email: true, name: true, role: true },
    });
    await recordAuditEvent(database, null, { action: "user:create", entityType: "User", entityId: user.id, after: { ...user, via: "demo accounts" } });
    created += 1;
  }
  return created;
}
