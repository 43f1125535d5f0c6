import "server-only";
import { z } from "zod";

// Configuration is read and validated here only (CONVENTIONS §7). Parsing is lazy so that
// `next build`, which has no database, never trips over a missing DATABASE_URL.

const ZDatabaseUrl = z
  .string({ error: "DATABASE_URL is not set: set it to postgresql://user@host:5432/database" })
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), {
    message: "DATABASE_URL must start with postgresql:// (for example postgresql://postgres@127.0.0.1:5432/pactwatch)",
  });

export const AUTH_SECRET_HELP =
  "set AUTH_SECRET to at least 32 random characters, e.g. the output of `openssl rand -base64 32`, the same for every app process";

const ZPoolSize = z.coerce
  .number({ error: "DATABASE_POOL_SIZE must be a whole number between 1 and 100" })
  .int()
  .min(1)
  .max(100);

const ZDatabaseEnv = z.object({
  DATABASE_URL: ZDatabaseUrl,
  DATABASE_POOL_SIZE: ZPoolSize.default(10),
  /** How long a query waits for a free connection before failing. */
  DATABASE_CONNECTION_TIMEOUT_MS: z.coerce
    .number({ error: "DATABASE_CONNECTION_TIMEOUT_MS must be a number of milliseconds" })
    .int()
    .min(100)
    .max(600_000)
    .default(10_000),
});

const ZAppEnv = z.object({
  /** Set by the launcher when the app runs on the embedded database (demo accounts exist). */
  PACTWATCH_EMBEDDED: z.enum(["0", "1"]).default("0").transform((value) => value === "1"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** "false" requires sign-in for everything but the sign-in page. */
  PUBLIC_READ: z.enum(["true", "false"], { error: "PUBLIC_READ must be true or false" }).default("true").transform((value) => value === "true"),
  AUTH_SECRET: z
    .string({ error: AUTH_SECRET_HELP })
    .min(32, `AUTH_SECRET is too short: ${AUTH_SECRET_HELP}`),
  /** Public origin of the app, for links in feeds and OAuth callbacks (e.g. https://pactwatch.example.org). */
  PUBLIC_URL: z.url({ error: "PUBLIC_URL must be an absolute URL such as https://pactwatch.example.org" }).optional(),
  /** An OpenID Connect provider is switched on when all three are set. */
  OIDC_ISSUER: z.url({ error: "OIDC_ISSUER must be the issuer URL of the OpenID Connect provider" }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("single sign-on"),
});

const ZLauncherEnv = z.object({
  AUTH_SECRET: z.string().min(32, `AUTH_SECRET is too short: ${AUTH_SECRET_HELP}`).optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: ZDatabaseUrl.optional().or(z.literal("").transform(() => undefined)),
  DATABASE_POOL_SIZE: ZPoolSize.default(10),
  PORT: z.coerce
    .number({ error: "PORT must be a port number, e.g. 3000" })
    .int()
    .min(1, "PORT must be between 1 and 65535")
    .max(65535, "PORT must be between 1 and 65535")
    .default(3000),
  /** Address to listen on; 0.0.0.0 to serve other machines. */
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  PACTWATCH_DATA_DIR: z.string().default(".data"),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: clients connect directly). */
  TRUSTED_PROXY_HOPS: z.coerce.number({ error: "TRUSTED_PROXY_HOPS must be a whole number, 0 when no proxy is in front" }).int().min(0).max(10).default(0),
  PUBLIC_URL: z.url({ error: "PUBLIC_URL must be an absolute URL such as https://pactwatch.example.org" }).optional(),
});

/** A count per minute; 0 switches that limit off. */
const perMinute = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number of requests a minute (0 switches the limit off)` })
    .int(`${name} must be a whole number of requests a minute (0 switches the limit off)`)
    .min(0, `${name} must be 0 (off) or more`)
    .max(1_000_000, `${name} must be at most 1000000`)
    .default(fallback);

const concurrent = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number of exports at once, 1 or more` })
    .int(`${name} must be a whole number of exports at once, 1 or more`)
    .min(1, `${name} must be 1 or more`)
    .max(1_000, `${name} must be at most 1000`)
    .default(fallback);

// The request limits of the README's "Limits" section (docs/decisions/017). Counted in
// PostgreSQL, so they hold across every app process on one database.
const ZLimitsEnv = z
  .object({
    /** Searches (a non-empty q=) a minute by one anonymous client address, pages and API. */
    RATE_LIMIT_SEARCHES_PER_MINUTE: perMinute("RATE_LIMIT_SEARCHES_PER_MINUTE", 60),
    /** Exports started a minute by one anonymous client address. */
    RATE_LIMIT_EXPORTS_PER_MINUTE: perMinute("RATE_LIMIT_EXPORTS_PER_MINUTE", 6),
    /** API writes a minute per API token (or signed-in session's account), and again per client address. */
    RATE_LIMIT_WRITES_PER_MINUTE: perMinute("RATE_LIMIT_WRITES_PER_MINUTE", 120),
    /** Exports one client (account, or anonymous address) may run at once. */
    EXPORTS_CONCURRENT_PER_CLIENT: concurrent("EXPORTS_CONCURRENT_PER_CLIENT", 1),
    /** Exports all clients together may run at once, over every app process on the database. */
    EXPORTS_CONCURRENT_TOTAL: concurrent("EXPORTS_CONCURRENT_TOTAL", 2),
    /** How long one batch of an export may take in the database before the export is ended. */
    EXPORT_STATEMENT_TIMEOUT_MS: z.coerce
      .number({ error: "EXPORT_STATEMENT_TIMEOUT_MS must be a number of milliseconds" })
      .int()
      .min(1_000, "EXPORT_STATEMENT_TIMEOUT_MS must be at least 1000")
      .max(600_000, "EXPORT_STATEMENT_TIMEOUT_MS must be at most 600000")
      .default(30_000),
  })
  .refine((env) => env.EXPORTS_CONCURRENT_PER_CLIENT <= env.EXPORTS_CONCURRENT_TOTAL, {
    message: "EXPORTS_CONCURRENT_PER_CLIENT must not exceed EXPORTS_CONCURRENT_TOTAL",
    path: ["EXPORTS_CONCURRENT_PER_CLIENT"],
  });

export type TAppEnv = z.infer<typeof ZAppEnv>;
export type TLimitsEnv = z.infer<typeof ZLimitsEnv>;
export type TDatabaseEnv = z.infer<typeof ZDatabaseEnv>;
export type TLauncherEnv = z.infer<typeof ZLauncherEnv>;

/** Thrown when configuration is invalid; its message lists each variable and how to fix it. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

function parse<T extends z.ZodType>(schema: T, source: Record<string, string | undefined>): z.infer<T> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigurationError(`invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let appEnv: TAppEnv | undefined;
let databaseEnv: TDatabaseEnv | undefined;
let limitsEnv: TLimitsEnv | undefined;

/** Where the app process finds its database, validated on first use. */
export function getDatabaseEnv(): TDatabaseEnv {
  databaseEnv ??= parse(ZDatabaseEnv, process.env);
  return databaseEnv;
}

/** The app process's configuration, validated on first use. */
export function getAppEnv(): TAppEnv {
  appEnv ??= parse(ZAppEnv, process.env);
  return appEnv;
}

/** The request and export limits, validated on first use. */
export function getLimitsEnv(): TLimitsEnv {
  limitsEnv ??= parse(ZLimitsEnv, process.env);
  return limitsEnv;
}

/** The launcher's configuration (npm start, scripts): DATABASE_URL is optional there. */
export function getLauncherEnv(source: Record<string, string | undefined> = process.env): TLauncherEnv {
  // The app reads the limits itself; checking them here too stops `npm start` before it serves.
  parse(ZLimitsEnv, source);
  return parse(ZLauncherEnv, source);
}

/** For tests that need several configurations in one process. */
export function resetEnvCache(): void {
  appEnv = undefined;
  databaseEnv = undefined;
  limitsEnv = undefined;
}
