// npm run user:create -- --email a@b.org --role admin [--name "A. Admin"]   (password from a prompt or stdin)
// npm run user:set-role -- --email a@b.org --role analyst
// Works on DATABASE_URL, or on the embedded database's data folder when it is unset.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ZCreateUser, ZEmail, ZRole } from "../lib/schemas/auth";
import { createDatabase, setDatabase } from "../lib/server/db";
import { getLauncherEnv } from "../lib/server/env";
import { AppError } from "../lib/server/errors";
import { createUser } from "../lib/server/users/create-user";
import { setUserRole } from "../lib/server/users/set-user-role";
import { openMigratedDatabase } from "./lib/open-database";

const log = (message: string) => console.log(`[user] ${message}`);

/** Reads the password: hidden at a terminal, else the first line of standard input. Never from argv. */
async function readPassword(): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    const lines = createInterface({ input });
    for await (const line of lines) return line;
    return "";
  }
  process.stdout.write("Password (at least 12 characters, not shown): ");
  input.setRawMode(true);
  let password = "";
  return new Promise((resolve) => {
    input.on("data", (chunk: Buffer) => {
      for (const char of chunk.toString("utf8")) {
        if (char === "\r" || char === "\n") {
          input.setRawMode(false);
          input.pause();
          process.stdout.write("\n");
          return resolve(password);
        }
        if (char === "\u0003") process.exit(130);
        password = char === "\u007f" ? password.slice(0, -1) : password + char;
      }
    });
  });
}

async function main(): Promise<void> {
  const [command] = process.argv.slice(2);
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  });
  if (command !== "create" && command !== "set-role") throw new Error("usage: user-admin.ts create|set-role --email … --role reader|analyst|admin");
  const email = ZEmail.parse(values.email ?? "");
  const role = ZRole.parse(values.role?.toUpperCase());

  const target = await openMigratedDatabase(getLauncherEnv(), log);
  const database = createDatabase({ url: target.url, poolSize: 1, applicationName: "pactwatch-user-admin" });
  setDatabase(database);
  try {
    if (command === "create") {
      const input = ZCreateUser.parse({ email, role, name: values.name ?? email.split("@")[0], password: await readPassword() });
      const user = await createUser("system", input);
      log(`created ${user.email} as ${user.role.toLowerCase()}`);
    } else {
      const user = await setUserRole("system", { email, role });
      log(`${user.email} is now ${user.role.toLowerCase()}`);
    }
  } finally {
    await database.$disconnect();
    await target.close();
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof AppError
      ? error.message
      : error instanceof z.ZodError
        ? error.issues.map((issue) => `${issue.path.join(".") || "input"}: ${issue.message}`).join("; ")
        : (error as Error).message;
  console.error(`[user] ${message}`);
  process.exit(1);
});
