// Offline `prisma migrate`: deploy | status | new <name> | resolve --rolled-back <name>.
// Run through npm: db:migrate, db:migrate:status, db:migration:new -- <name>,
// db:migrate:resolve -- --rolled-back <name>.
import {
  applyMigrations,
  createMigration,
  markMigrationRolledBack,
  migrationStatus,
  schemaDrift,
  type MigrationStatus,
} from "../prisma/tooling/migrations";
import { DatabaseMissingError, DatabaseUnreachableError } from "../prisma/tooling/check-connection";
import { getLauncherEnv } from "../lib/server/env";

const NO_DATABASE_URL =
  "DATABASE_URL is not set: npm start runs migrations on the embedded database itself; " +
  "set DATABASE_URL=postgresql://… to migrate a server";
const USAGE = `usage: tsx scripts/db-migrate.ts <command>
  deploy                         apply pending migrations to DATABASE_URL   (npm run db:migrate)
  status                         list applied/pending migrations, check schema drift
                                                                            (npm run db:migrate:status)
  new <name>                     write a migration for schema.prisma's changes
                                                                            (npm run db:migration:new -- <name>)
  resolve --rolled-back <name>   mark a failed migration rolled back so deploy retries it
                                                                            (npm run db:migrate:resolve -- --rolled-back <name>)`;

const log = (message: string) => console.log(`[db-migrate] ${message}`);

/** Where DATABASE_URL points, without the password. */
function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(DATABASE_URL is not a valid URL)";
  }
}

function requireDatabaseUrl(): string {
  const url = getLauncherEnv().DATABASE_URL;
  if (!url) throw new UsageError(NO_DATABASE_URL);
  return url;
}

class UsageError extends Error {}

async function deploy(): Promise<number> {
  const url = requireDatabaseUrl();
  const started = performance.now();
  const applied = await applyMigrations(url, { onProgress: log });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    applied.length === 0
      ? `${describe(url)} is up to date`
      : `applied ${applied.length} migration(s) to ${describe(url)} in ${seconds} s`,
  );
  return 0;
}

async function status(): Promise<number> {
  const url = getLauncherEnv().DATABASE_URL;
  let problems = 0;
  if (url) {
    problems += reportDatabase(describe(url), await migrationStatus(url));
  } else {
    log(`${NO_DATABASE_URL}. Checking the schema against the history only.`);
  }
  log("comparing prisma/schema.prisma with the migration history…");
  const drift = await schemaDrift();
  if (drift === "") {
    log("prisma/schema.prisma matches the migration history");
  } else {
    problems += 1;
    log("prisma/schema.prisma has changes that no migration makes:");
    console.log(indent(drift));
    log("run `npm run db:migration:new -- <what_changed>` to write a migration for them");
  }
  return problems === 0 ? 0 : 1;
}

/** Prints the database side of `status`; returns how many problems it found. */
function reportDatabase(where: string, state: MigrationStatus): number {
  log(`${where}: ${state.applied.length} applied, ${state.pending.length} pending`);
  let problems = 0;
  if (state.pending.length > 0) {
    problems += 1;
    log(`pending:\n${indent(state.pending.join("\n"))}\nrun \`npm run db:migrate\` to apply them`);
  }
  for (const name of state.failed) {
    problems += 1;
    log(
      `${name} failed when it was applied: fix its migration.sql, then run ` +
        `\`npm run db:migrate:resolve -- --rolled-back ${name}\` and \`npm run db:migrate\``,
    );
  }
  for (const name of state.modified) {
    problems += 1;
    log(`${name} was edited after it was applied: restore its migration.sql from git and put the change in a new migration`);
  }
  if (state.missingLocally.length > 0) {
    problems += 1;
    log(
      `the database has migrations this checkout lacks:\n${indent(state.missingLocally.join("\n"))}\n` +
        "check out the branch that added them before deploying",
    );
  }
  return problems;
}

async function create(name: string | undefined): Promise<number> {
  if (!name) throw new UsageError("name the migration: npm run db:migration:new -- add_source_language");
  const created = await createMigration(name, { onProgress: log });
  if (created) log("review it (add CHECKs, triggers or data fixes by hand below the generated SQL), then `npm run db:migrate`");
  return 0;
}

async function resolve(args: string[]): Promise<number> {
  const [flag, name] = args;
  if (flag !== "--rolled-back" || !name) throw new UsageError("usage: npm run db:migrate:resolve -- --rolled-back <migration_name>");
  const url = requireDatabaseUrl();
  await markMigrationRolledBack(url, name);
  log(`marked ${name} rolled back on ${describe(url)}: \`npm run db:migrate\` will apply it again`);
  return 0;
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "deploy":
      return deploy();
    case "status":
      return status();
    case "new":
      return create(rest.join(" ").trim() || undefined);
    case "resolve":
      return resolve(rest);
    default:
      throw new UsageError(command ? `unknown command "${command}"\n${USAGE}` : USAGE);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const expected = error instanceof UsageError || error instanceof DatabaseUnreachableError || error instanceof DatabaseMissingError;
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[db-migrate] ${message}`);
    // Unexpected failures keep their stack for whoever has to fix the tooling.
    if (!expected && error instanceof Error && process.env.DEBUG) console.error(error.stack);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
