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

const ZPoolSize = z.coerce
  .number({ error: "DATABASE_POOL_SIZE must be a whole number between 1 and 100" })
  .int()
  .min(1)
  .max(100);

const ZAppEnv = z.object({
  DATABASE_URL: ZDatabaseUrl,
  DATABASE_POOL_SIZE: ZPoolSize.default(10),
  /** Set by the launcher when the app runs on the embedded database (demo accounts exist). */
  PACTWATCH_EMBEDDED: z.enum(["0", "1"]).default("0").transform((value) => value === "1"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

const ZLauncherEnv = z.object({
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
});

export type TAppEnv = z.infer<typeof ZAppEnv>;
export type TLauncherEnv = z.infer<typeof ZLauncherEnv>;

/** Thrown when configuration is invalid; its message lists each variable and how to fix it. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

function parse<T extends z.ZodType>(schema: T, source: NodeJS.ProcessEnv): z.infer<T> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigurationError(`invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let appEnv: TAppEnv | undefined;

/** The app process's configuration, validated on first use. */
export function getAppEnv(): TAppEnv {
  appEnv ??= parse(ZAppEnv, process.env);
  return appEnv;
}

/** The launcher's configuration (npm start, scripts): DATABASE_URL is optional there. */
export function getLauncherEnv(source: NodeJS.ProcessEnv = process.env): TLauncherEnv {
  return parse(ZLauncherEnv, source);
}

/** For tests that need several configurations in one process. */
export function resetEnvCache(): void {
  appEnv = undefined;
}
