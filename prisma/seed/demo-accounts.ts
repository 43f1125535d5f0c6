import type { Role } from "../../lib/generated/prisma/enums";

// Embedded mode only (SPEC §8): never created on a configured server. The passwords are
// public on purpose: they are printed at first start and written in the README.
export const demoAccounts: ReadonlyArray<{ email: string; name: string; role: Role; password: string }> = [
  { email: "reader@pactwatch.test", name: "Demo Reader", role: "READER", password: "reader-demo-2019" },
  { email: "analyst@pactwatch.test", name: "Demo Analyst", role: "ANALYST", password: "analyst-demo-2019" },
  { email: "admin@pactwatch.test", name: "Demo Admin", role: "ADMIN", password: "admin-demo-2019" },
];
