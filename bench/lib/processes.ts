// Starting and stopping the processes the benchmark measures: each in its own process group,
// so stopping it ends its children too (npm → tsx → the Next.js server) and nothing else.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export type TStarted = { name: string; child: ChildProcess; pid: number; logFile: string };

/** Spawns `command` detached with its output in `logFile`; throws if it exits before `readyUrl` answers 2xx. */
export async function startProcess(options: {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  readyUrl: string;
  timeoutMs?: number;
  cwd?: string;
}): Promise<TStarted> {
  const out = fs.openSync(options.logFile, "a");
  const child = spawn(options.command, options.args, { env: options.env, stdio: ["ignore", out, out], detached: true, cwd: options.cwd });
  fs.closeSync(out);
  let exited: string | undefined;
  child.on("exit", (code, signal) => (exited = signal ?? `code ${code}`));
  const deadline = Date.now() + (options.timeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${options.name} exited (${exited}) before it answered ${options.readyUrl}: see ${options.logFile}\n${tail(options.logFile)}`);
    try {
      const response = await fetch(options.readyUrl, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return { name: options.name, child, pid: child.pid!, logFile: options.logFile };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopProcess({ name: options.name, child, pid: child.pid!, logFile: options.logFile });
  throw new Error(`${options.name} did not answer ${options.readyUrl} within ${(options.timeoutMs ?? 180_000) / 1000} s: see ${options.logFile}`);
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-15).join("\n");
  } catch {
    return "";
  }
}

/** SIGTERM to the process group, SIGKILL after 10 s; resolves when the leader has exited. */
export async function stopProcess(started: TStarted | undefined): Promise<void> {
  if (!started || started.child.exitCode !== null || started.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => started.child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-started.pid, name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  // The group's other members (the server under npm) may outlive the leader by a moment.
  await new Promise((resolve) => setTimeout(resolve, 300));
  signal("SIGKILL");
}
