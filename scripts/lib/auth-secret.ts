import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AUTH_SECRET_HELP } from "../../lib/server/env";

/**
 * AUTH_SECRET for the app: the configured one; else, in production on a configured server, an
 * error saying how to make one; else one generated once and kept in the data folder (0600).
 */
export function resolveAuthSecret(options: { configured?: string; isServerMode: boolean; isProduction: boolean; dataDir: string }): string {
  if (options.configured) return options.configured;
  if (options.isServerMode && options.isProduction) {
    throw new Error(`AUTH_SECRET is not set and NODE_ENV=production with DATABASE_URL: ${AUTH_SECRET_HELP}`);
  }
  const file = path.join(options.dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(options.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
  return secret;
}
