import { spawn } from "node:child_process";

export type TCommandResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs a command as a person would (`npm run …` or a script through tsx), with the given
 * environment on top of this one. Asynchronously: the embedded server the command talks to may
 * run in this very process, and must keep answering while it waits.
 */
export function runCommand(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {},
): Promise<TCommandResult> {
  const child = spawn(command, args, { env: { ...process.env, DEBUG: "", ...options.env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  child.stdin.end(options.input ?? "");
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 120_000);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
