import type { Role } from "@/lib/generated/prisma/enums";

/** The roles as an admin chooses between them, with what each may do (SPEC §2). */
export const ROLE_CHOICES: readonly { role: Role; label: string; meaning: string }[] = [
  { role: "READER", label: "Reader", meaning: "reads everything published" },
  { role: "ANALYST", label: "Analyst", meaning: "also logs and edits developments, adds sources" },
  { role: "ADMIN", label: "Admin", meaning: "also manages sources, users, retractions and reads the audit log" },
];
