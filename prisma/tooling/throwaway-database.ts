import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface ThrowawayDatabase {
  /** postgresql:// URL of the in-memory database, reachable from this process only. */
  url: string;
  close(): Promise<void>;
}

/** Connections the socket server accepts; pools that talk to it must not ask for more. */
export const THROWAWAY_MAX_CONNECTIONS = 4;

/**
 * Starts an in-memory PGlite behind a loopback PostgreSQL socket, so that tools speaking the
 * wire protocol (pg, @prisma/adapter-pg, the schema engine) can use it like a server.
 * PGlite runs one backend: the socket server queues queries from its connections, so a caller
 * inside a transaction must keep using that transaction's connection.
 */
export async function startThrowawayDatabase(
  maxConnections: number = THROWAWAY_MAX_CONNECTIONS,
): Promise<ThrowawayDatabase> {
  const db = await PGlite.create();
  // Port 0 lets the OS pick a free port; the server reads back the one it got.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw new Error(`cannot start the throwaway PGlite database on 127.0.0.1: ${describe(error)}`);
  }
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await server.stop();
      await db.close();
    })();
    return closing;
  };
  return { url, close };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
