import "server-only";
import { Prisma } from "../../generated/prisma/client";
import { getDatabase } from "../db";
import { getLimitsEnv } from "../env";
import { AppError } from "../errors";
import type { TActor } from "../permissions";
import { exportClientKey, requestClientOf } from "../rate-limits/request-limits";
import { queryRows } from "../rows/parse-rows";
import { ZExportLeaseCountRow } from "../rows/export-lease-rows";
import { lockForTransaction, runWriteTransaction } from "../write-transaction";

// How many exports run at once is counted in PostgreSQL ("ExportLease", one row per running
// export), not in process memory, so the limits hold however many app processes share the
// database (decision 017). A lease is taken under a transaction-scoped advisory lock, so two
// processes counting at the same moment queue instead of both seeing a free slot; it is renewed
// while its export streams and deleted when the export ends. A process that dies mid-export
// leaves a row that lapses at expiresAt. All times are the database's clock, not the processes'.

/** How long a client that was refused an export should wait before asking again. */
export const EXPORT_RETRY_AFTER_SECONDS = 30;

/** A stalled consumer (nothing read for this long) ends its export, so it cannot hold a slot for ever. */
export const EXPORT_IDLE_SECONDS = 120;

/** A lease outlives the longest quiet spell of a live export: an idle wait plus one batch's statement. */
export function leaseSeconds(): number {
  return EXPORT_IDLE_SECONDS + Math.ceil(getLimitsEnv().EXPORT_STATEMENT_TIMEOUT_MS / 1000) + 30;
}

/** A running export's hold on its slot. */
export type TExportSlot = {
  id: string;
  /** Pushes the lease's expiry on; false when it had lapsed (the export then stops). */
  renew: () => Promise<boolean>;
  /** Gives the slot back (safe to call more than once). */
  release: () => Promise<void>;
};

/**
 * Takes an export slot for `client` ("user:…", "token:…", "address:…"), or refuses: RATE_LIMITED
 * (429) when the client already runs EXPORTS_CONCURRENT_PER_CLIENT exports, UNAVAILABLE (503)
 * when all clients together run EXPORTS_CONCURRENT_TOTAL. Both carry Retry-After.
 */
export async function acquireExportSlot(client: string): Promise<TExportSlot> {
  const { EXPORTS_CONCURRENT_PER_CLIENT: perClient, EXPORTS_CONCURRENT_TOTAL: total } = getLimitsEnv();
  const lease = leaseSeconds();
  const outcome = await runWriteTransaction(async (tx) => {
    await lockForTransaction(tx, "export-lease", "all");
    // Read after the lock is held: under READ COMMITTED this statement sees every lease committed before.
    const [counts] = await queryRows(
      tx,
      ZExportLeaseCountRow,
      Prisma.sql`SELECT (count(*) FILTER (WHERE client = ${client}))::int AS mine, count(*)::int AS running
        FROM "ExportLease" WHERE "expiresAt" > now()`,
    );
    if (counts!.mine >= perClient) return { refused: "client" } as const;
    if (counts!.running >= total) return { refused: "total" } as const;
    await tx.$executeRaw`DELETE FROM "ExportLease" WHERE "expiresAt" <= now()`;
    const id = crypto.randomUUID();
    await tx.$executeRaw`INSERT INTO "ExportLease" (id, client, "expiresAt") VALUES (${id}::uuid, ${client}, now() + ${lease}::int * interval '1 second')`;
    return { id } as const;
  });
  const details = { retryAfterSeconds: EXPORT_RETRY_AFTER_SECONDS };
  if ("refused" in outcome) {
    throw outcome.refused === "client"
      ? new AppError("RATE_LIMITED", `You are already running ${perClient === 1 ? "an export" : `${perClient} exports`}; only ${perClient} may run at once. Let it finish, then try again (in about ${EXPORT_RETRY_AFTER_SECONDS} s).`, {}, details)
      : new AppError("UNAVAILABLE", `The server is running as many exports as it allows at once (${total}). Try again in about ${EXPORT_RETRY_AFTER_SECONDS} s.`, {}, details);
  }
  const { id } = outcome;
  let isReleased = false;
  return {
    id,
    renew: async () => {
      if (isReleased) return false;
      const renewed = await getDatabase().$executeRaw`UPDATE "ExportLease" SET "expiresAt" = now() + ${lease}::int * interval '1 second' WHERE id = ${id}::uuid AND "expiresAt" > now()`;
      return renewed === 1;
    },
    release: async () => {
      if (isReleased) return;
      isReleased = true;
      await getDatabase().$executeRaw`DELETE FROM "ExportLease" WHERE id = ${id}::uuid`;
    },
  };
}

/** The export slot of a request's client: its account or API token when signed in, else its address. */
export function acquireExportSlotFor(request: Request, actor: TActor): Promise<TExportSlot> {
  return acquireExportSlot(exportClientKey(requestClientOf(request, actor)));
}
