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

// A streaming replica of DATABASE_URL for reading use cases (docs/decisions/019); unset or empty: none.
const ZReplicaUrl = z
  .string()
  .trim()
  .refine((value) => value === "" || /^postgres(ql)?:\/\//.test(value), {
    message: "DATABASE_REPLICA_URL must start with postgresql:// (a streaming replica of DATABASE_URL, e.g. postgresql://postgres@replica:5432/pactwatch), or be unset",
  })
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const ZPoolSize = z.coerce
  .number({ error: "DATABASE_POOL_SIZE must be a whole number between 1 and 100" })
  .int()
  .min(1)
  .max(100);

function milliseconds(name: string, fallback: number) {
  const message = `${name} must be a whole number of milliseconds between 100 and 600000`;
  return z.coerce.number({ error: message }).int(message).min(100, message).max(600_000, message).default(fallback);
}

// "off" for a connection pooler that cannot keep prepared statements (PgBouncer before 1.21 in transaction mode).
const ZPreparedStatements = z
  .enum(["on", "off"], { error: "DATABASE_PREPARED_STATEMENTS must be on or off" })
  .default("on")
  .transform((value) => value === "on");

/** Whether write transactions' statements may be prepared (DATABASE_PREPARED_STATEMENTS), for clients made outside the app (the delivery worker). */
export function preparesWriteStatements(): boolean {
  return parse(z.object({ DATABASE_PREPARED_STATEMENTS: ZPreparedStatements }), process.env).DATABASE_PREPARED_STATEMENTS;
}

const ZDatabaseEnv = z.object({
  DATABASE_URL: ZDatabaseUrl,
  DATABASE_POOL_SIZE: ZPoolSize.default(10),
  // A database that is down or frozen must cost a request a few seconds, not hang it
  // (docs/decisions/018): these three bound every wait on PostgreSQL.
  /** How long a query waits for a free connection (and a new connection for its startup) before failing. */
  DATABASE_CONNECTION_TIMEOUT_MS: milliseconds("DATABASE_CONNECTION_TIMEOUT_MS", 3_000),
  /** The server's statement_timeout: it cancels a statement that runs longer. */
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds("DATABASE_STATEMENT_TIMEOUT_MS", 5_000),
  /** How long the app waits for any one answer before closing the connection (a frozen server never answers). */
  DATABASE_QUERY_TIMEOUT_MS: milliseconds("DATABASE_QUERY_TIMEOUT_MS", 6_000),
  /** Write transactions' statements as named prepared statements (decision 044); the launcher turns it off on the embedded database. */
  DATABASE_PREPARED_STATEMENTS: ZPreparedStatements,
}).refine((env) => env.DATABASE_QUERY_TIMEOUT_MS >= env.DATABASE_STATEMENT_TIMEOUT_MS, {
  path: ["DATABASE_QUERY_TIMEOUT_MS"],
  message: "DATABASE_QUERY_TIMEOUT_MS must be at least DATABASE_STATEMENT_TIMEOUT_MS, so a slow statement is cancelled by the server before the app gives up on its connection",
});

// Apart from ZDatabaseEnv: tests and scripts that bring their own client never set DATABASE_URL.
const ZReplicaEnv = z.object({
  DATABASE_REPLICA_URL: ZReplicaUrl,
  /** After a write, how long its author's reads stay on the primary (read-your-writes). */
  DATABASE_REPLICA_STICKY_SECONDS: z.coerce
    .number({ error: "DATABASE_REPLICA_STICKY_SECONDS must be a whole number of seconds, e.g. 10" })
    .int()
    .min(1, "DATABASE_REPLICA_STICKY_SECONDS must be at least 1")
    .max(3600, "DATABASE_REPLICA_STICKY_SECONDS must be at most 3600")
    .default(10),
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
  DATABASE_REPLICA_URL: ZReplicaUrl,
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
  /** Megabytes of signed-out readers' answers scripts/serve.mjs keeps (decision 024); 0 turns the cache off. */
  PAGE_CACHE_MAX_MB: z.coerce
    .number({ error: "PAGE_CACHE_MAX_MB must be a whole number of megabytes (0 turns the page cache off)" })
    .int("PAGE_CACHE_MAX_MB must be a whole number of megabytes (0 turns the page cache off)")
    .min(0, "PAGE_CACHE_MAX_MB must be 0 (off) or more")
    .max(4096, "PAGE_CACHE_MAX_MB must be at most 4096")
    .default(64),
  /** The longest a kept answer is served, for what time alone changes on a page ("today", deadlines passing). */
  PAGE_CACHE_TTL_SECONDS: z.coerce
    .number({ error: "PAGE_CACHE_TTL_SECONDS must be a whole number of seconds between 1 and 3600" })
    .int("PAGE_CACHE_TTL_SECONDS must be a whole number of seconds between 1 and 3600")
    .min(1, "PAGE_CACHE_TTL_SECONDS must be between 1 and 3600")
    .max(3600, "PAGE_CACHE_TTL_SECONDS must be between 1 and 3600")
    .default(30),
  /** Renders scripts/serve.mjs runs at once (decision 027); the rest queue. 0: one per CPU core, at least two. */
  RENDER_CONCURRENCY: z.coerce
    .number({ error: "RENDER_CONCURRENCY must be a whole number of renders at once (0 picks one per CPU core, at least two)" })
    .int("RENDER_CONCURRENCY must be a whole number of renders at once (0 picks one per CPU core, at least two)")
    .min(0, "RENDER_CONCURRENCY must be 0 (one per CPU core, at least two) or more")
    .max(256, "RENDER_CONCURRENCY must be at most 256")
    .default(0),
});

// Subscriptions' delivery (issue 14, README "Subscriptions"): the worker's configuration.
const ZDeliveryEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: mail goes to the in-app outbox and .eml files in the data folder. */
  SMTP_URL: z
    .url({ error: "SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587 or smtps://mail.example.org:465 (leave it unset to keep mail in the in-app outbox)" })
    .refine((value) => /^smtps?:\/\//.test(value), "SMTP_URL must start with smtp:// or smtps://, e.g. smtp://user:password@mail.example.org:587")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^(?:[^<>\r\n]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, "MAIL_FROM must be an address, e.g. alerts@pactwatch.example.org or Pactwatch <alerts@pactwatch.example.org>")
    .default("Pactwatch <pactwatch@localhost>"),
  PACTWATCH_DATA_DIR: z.string().default(".data"),
  PUBLIC_URL: z.url({ error: "PUBLIC_URL must be an absolute URL such as https://pactwatch.example.org" }).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).catch(3000).default(3000),
  AUTH_SECRET: z.string({ error: AUTH_SECRET_HELP }).min(32, `AUTH_SECRET is too short: ${AUTH_SECRET_HELP}`),
  /** "off" leaves delivery to separate `npm run worker` processes. */
  DELIVERY_WORKER: z.enum(["in-process", "off"], { error: "DELIVERY_WORKER must be in-process (the default: npm start delivers) or off (run npm run worker)" }).default("in-process"),
  /** First retry delay of a failed delivery, doubled on each further attempt. */
  DELIVERY_RETRY_DELAY_SECONDS: z.coerce.number({ error: "DELIVERY_RETRY_DELAY_SECONDS must be a whole number of seconds" }).int().min(1, "DELIVERY_RETRY_DELAY_SECONDS must be at least 1").max(3600, "DELIVERY_RETRY_DELAY_SECONDS must be at most 3600").default(5),
  /** How long a job may stay taken by a worker before it counts as abandoned (the worker died) and is retried. */
  DELIVERY_JOB_EXPIRY_SECONDS: z.coerce.number({ error: "DELIVERY_JOB_EXPIRY_SECONDS must be a whole number of seconds" }).int().min(5, "DELIVERY_JOB_EXPIRY_SECONDS must be at least 5").max(3600, "DELIVERY_JOB_EXPIRY_SECONDS must be at most 3600").default(60),
  /** A webhook failing this many times in a row is paused and its owner mailed. */
  WEBHOOK_PAUSE_AFTER_FAILURES: z.coerce.number({ error: "WEBHOOK_PAUSE_AFTER_FAILURES must be a whole number" }).int().min(1, "WEBHOOK_PAUSE_AFTER_FAILURES must be at least 1").max(100, "WEBHOOK_PAUSE_AFTER_FAILURES must be at most 100").default(10),
});

// A replica copies a server; the embedded database has none to copy.
const ZLauncherEnvChecked = ZLauncherEnv.refine((env) => !env.DATABASE_REPLICA_URL || env.DATABASE_URL, {
  message: "DATABASE_REPLICA_URL is set but DATABASE_URL is not: a replica needs its primary; set DATABASE_URL too, or unset DATABASE_REPLICA_URL for the embedded database",
  path: ["DATABASE_REPLICA_URL"],
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
export type TDeliveryEnv = z.infer<typeof ZDeliveryEnv>;
export type TLimitsEnv = z.infer<typeof ZLimitsEnv>;
export type TDatabaseEnv = z.infer<typeof ZDatabaseEnv>;
export type TReplicaEnv = z.infer<typeof ZReplicaEnv>;
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
let replicaEnv: TReplicaEnv | undefined;
let limitsEnv: TLimitsEnv | undefined;
let deliveryEnv: TDeliveryEnv | undefined;

/** Where the app process finds its database, validated on first use. */
export function getDatabaseEnv(): TDatabaseEnv {
  databaseEnv ??= parse(ZDatabaseEnv, process.env);
  return databaseEnv;
}

/** The read replica's configuration (DATABASE_REPLICA_URL unset: none), validated on first use. */
export function getReplicaEnv(): TReplicaEnv {
  replicaEnv ??= parse(ZReplicaEnv, process.env);
  return replicaEnv;
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

/** The delivery worker's configuration (SMTP, retries), validated on first use. */
export function getDeliveryEnv(): TDeliveryEnv {
  deliveryEnv ??= parse(ZDeliveryEnv, process.env);
  return deliveryEnv;
}

/** The launcher's configuration (npm start, scripts): DATABASE_URL is optional there. */
export function getLauncherEnv(source: Record<string, string | undefined> = process.env): TLauncherEnv {
  // The app reads the limits itself; checking them here too stops `npm start` before it serves.
  parse(ZLimitsEnv, source);
  return parse(ZLauncherEnvChecked, source);
}

/** For tests that need several configurations in one process. */
export function resetEnvCache(): void {
  appEnv = undefined;
  databaseEnv = undefined;
  replicaEnv = undefined;
  limitsEnv = undefined;
  deliveryEnv = undefined;
}
