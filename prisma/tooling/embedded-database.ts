import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { isProcessRunning, removeServerAddress, writeServerAddress } from "./embedded-address";
import { keepRoundsTogether } from "./pglite-socket-rounds";

export { embeddedLocation } from "./embedded-address";

// The embedded default (docs/decisions/003-embedded-database.md): PGlite, real PostgreSQL
// compiled to WebAssembly, served on a loopback port so the app talks to it exactly as it
// would to a server, through adapter-pg. It serves connections one round (up to ReadyForQuery)
// at a time, so a command may share it with the running app (docs/decisions/011).

/** The data folder is locked by a live process: another launcher, or a command using it alone. */
export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${holderPid}: stop that Pactwatch first, ` +
        `or set PACTWATCH_DATA_DIR to another folder`,
    );
  }
}

export type TEmbeddedDatabase = {
  /** postgresql:// URL of the loopback server. */
  url: string;
  /** True when the data folder was created by this start (a brand-new database). */
  isNew: boolean;
  /** Writes the server's address to the file for commands to find; close() removes it. */
  advertise: (addressFile: string) => void;
  close: () => Promise<void>;
};

export type TEmbeddedDatabaseOptions = {
  /** Folder that keeps the data across restarts; omit for an in-memory database. */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Connections served at once; set it to the app's pool size (plus scripts). */
  maxConnections?: number;
};

/** Starts PGlite and its loopback socket server; close() stops both and flushes to disk. */
export async function startEmbeddedDatabase(options: TEmbeddedDatabaseOptions = {}): Promise<TEmbeddedDatabase> {
  const { dataDir, port = 0, maxConnections = 12 } = options;
  let releaseLock = () => {};
  let isNew = true;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(dataDir);
    isNew = !fs.existsSync(path.join(dataDir, "PG_VERSION"));
  }
  let database: PGlite;
  try {
    database = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (error) {
    releaseLock();
    throw new Error(
      `cannot open the embedded database in ${dataDir ?? "memory"} (${(error as Error).message}): ` +
        `if the folder is damaged, move it away to start afresh, or set DATABASE_URL to use a PostgreSQL server`,
    );
  }
  const server = new PGLiteSocketServer({ db: database, host: "127.0.0.1", port, maxConnections });
  keepRoundsTogether(server);
  await server.start();
  const address = server.getServerConn();
  const advertised: string[] = [];
  return {
    url: `postgresql://postgres@${address}/postgres?sslmode=disable`,
    isNew,
    advertise: (addressFile) => {
      writeServerAddress(addressFile, { host: "127.0.0.1", port: Number(address.split(":").pop()), pid: process.pid });
      advertised.push(addressFile);
    },
    close: async () => {
      // Commands must stop finding the server before it stops answering.
      for (const file of advertised) removeServerAddress(file);
      await server.stop();
      await database.close();
      releaseLock();
    },
  };
}

// PGlite has no postmaster to refuse a second process on the same folder, and two writers
// would corrupt it: a lock file with our pid stands in.
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`);
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
  } catch {
    const holder = Number(fs.readFileSync(lockFile, "utf8"));
    if (holder && isProcessRunning(holder)) throw new EmbeddedDatabaseBusyError(dataDir, holder);
    fs.writeFileSync(lockFile, String(process.pid));
  }
  return () => fs.rmSync(lockFile, { force: true });
}
