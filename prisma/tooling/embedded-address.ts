import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { z } from "zod";

// While `npm start` serves the embedded database it writes where, so commands (user:create,
// db:seed…) and the browser journeys' helper connect through it instead of refusing because the
// folder is locked (docs/decisions/011). The file is only a hint: it is believed when its process
// is alive and its port answers.

/** Where a data folder (PACTWATCH_DATA_DIR) keeps the database and the running server's address. */
export function embeddedLocation(dataRoot: string) {
  const root = path.resolve(dataRoot);
  return { dataDir: path.join(root, "pglite"), addressFile: path.join(root, "embedded-server.json") };
}

const ZServerAddress = z.object({
  host: z.literal("127.0.0.1"),
  port: z.number().int().min(1).max(65_535),
  pid: z.number().int().positive(),
});

export type TServerAddress = z.infer<typeof ZServerAddress>;

/** postgresql:// URL of an advertised embedded server. */
export function serverUrl(address: TServerAddress): string {
  return `postgresql://postgres@${address.host}:${address.port}/postgres?sslmode=disable`;
}

/** Writes the address atomically (a reader never sees half a file), readable by the owner only. */
export function writeServerAddress(file: string, address: TServerAddress): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, `${JSON.stringify(address)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

/** Removes the file if it still names this process (a newer launcher may have replaced it). */
export function removeServerAddress(file: string, pid = process.pid): void {
  if (readServerAddress(file)?.pid === pid) fs.rmSync(file, { force: true });
}

/** The address in the file, or null when there is none or it is not ours to read. */
export function readServerAddress(file: string): TServerAddress | null {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = ZServerAddress.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The advertised address when its process runs and its port accepts a connection; else null (stale). */
export async function findLiveServer(file: string): Promise<TServerAddress | null> {
  const address = readServerAddress(file);
  if (!address || !isProcessRunning(address.pid)) return null;
  return (await portAnswers(address.host, address.port)) ? address : null;
}

export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function portAnswers(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}
