import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

// Prisma's schema engine compiled to WebAssembly, talking to PostgreSQL through adapter-pg: no
// native binary to download, and the same driver as the app (docs/decisions/002).

export type { SchemaEngine };

export interface OpenSchemaEngineOptions {
  /** Connections the engine's pool may open; 1 unless the engine also needs a shadow database here. */
  poolSize?: number;
  /**
   * Hand the engine this same database when it asks for a shadow database (to replay the
   * history for a diff). Only for a throwaway database: the replay writes into it.
   */
  isOwnShadowDatabase?: boolean;
  /** Receives the engine's own log lines; silent by default. */
  onEngineLog?: (line: string) => void;
}

export interface BoundSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes every connection it opened. Safe to call twice. */
  dispose(): Promise<void>;
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * The engine's panic hook writes the Rust panic message into this global before it traps with a
 * bare "unreachable"; without the global the hook itself crashes and the message is lost.
 */
const panicRegistry = {
  message: "",
  set_message(message: string): void {
    panicRegistry.message = message;
  },
};

/** The message of the engine's last panic, once, to explain a "RuntimeError: unreachable". */
export function takeEnginePanic(): string | undefined {
  const message = panicRegistry.message;
  panicRegistry.message = "";
  return message || undefined;
}

let wasmLoaded: Promise<void> | undefined;

/** Instantiates the engine's WebAssembly module once per process (about 0.1 s). */
function loadWasm(): Promise<void> {
  wasmLoaded ??= (async () => {
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;
    // The package's main entry imports the .wasm file as an ES module, which Node cannot do
    // without a flag, so we instantiate it ourselves next to the JS glue it was built with.
    const gluePath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmLoaded;
}

/** Opens a schema engine bound to one PostgreSQL database. Call dispose() when done. */
export async function openSchemaEngine(
  databaseUrl: string,
  options: OpenSchemaEngineOptions = {},
): Promise<BoundSchemaEngine> {
  await loadWasm();
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    // One connection by default, as the native engine uses: the engine serialises deploys with a
    // session-level advisory lock, which must stay on the connection that runs the migrations.
    max: options.poolSize ?? 1,
    connectionTimeoutMillis: 10_000,
    // Never close an idle connection (and drop that lock) early; dispose() closes the pool.
    idleTimeoutMillis: 0,
  });
  // An idle connection dropped by the server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const base = new PrismaPg(pool);
  const adapters: PgAdapter[] = [];
  const track = async (connecting: Promise<PgAdapter>): Promise<PgAdapter> => {
    const adapter = withCharColumnsInTransactions(withCharColumns(withWholeScriptExecution(await connecting)));
    adapters.push(adapter);
    return adapter;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => track(base.connect()),
    // adapter-pg's own shadow database is a CREATE DATABASE on the same server (dropped after).
    connectToShadowDb: () => track(options.isOwnShadowDatabase ? base.connect() : base.connectToShadowDb()),
  };

  let engine: SchemaEngine;
  try {
    const log = options.onEngineLog ?? (() => {});
    engine = await glue.SchemaEngine.new({ datamodels: undefined }, log, bindMigrationAwareSqlAdapterFactory(factory));
  } catch (error) {
    await pool.end();
    throw error;
  }

  let disposed: Promise<void> | undefined;
  const dispose = (): Promise<void> => {
    disposed ??= (async () => {
      engine.free();
      await Promise.allSettled(adapters.map((adapter) => adapter.dispose()));
      await pool.end();
    })();
    return disposed;
  };
  return { engine, dispose };
}

/**
 * adapter-pg's executeScript splits the script on every ";", which cuts PL/pgSQL bodies, string
 * literals and comments apart and runs the pieces as separate transactions. Sent unsplit, as
 * Prisma's native engine sends a migration, PostgreSQL's simple query protocol runs the whole
 * script as one implicit transaction: a failing migration leaves nothing half-applied.
 */
function withWholeScriptExecution(adapter: PgAdapter): PgAdapter {
  const pool = adapter.underlyingDriver();
  // adapter-pg's own (protected) error mapping gives the engine a PostgreSQL error (SQLSTATE,
  // message) rather than an opaque JavaScript one.
  const mapError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string): Promise<void> => {
    try {
      await pool.query(script);
    } catch (error) {
      mapError(error);
    }
  };
  return adapter;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type PerformIO = (query: SqlQuery) => Promise<{ fields: { dataTypeID: number }[] }>;

/**
 * The engine's catalogue queries return PostgreSQL's one-byte "char" columns (pg_constraint.
 * contype, pg_class.relkind …), which adapter-pg rejects as an unsupported type; the engine
 * wants them typed Character. We let adapter-pg read them as text (in its private performIO,
 * which sees the raw field list) and retype those columns in the result.
 */
function withCharColumns<Q extends SqlQueryable>(queryable: Q): Q {
  const internals = queryable as unknown as { performIO: PerformIO };
  const performIO = internals.performIO.bind(queryable);
  const charColumns = new WeakMap<SqlQuery, number[]>();
  internals.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      indexes.push(index);
    });
    if (indexes.length > 0) charColumns.set(query, indexes);
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

function withCharColumnsInTransactions(adapter: PgAdapter): PgAdapter {
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => withCharColumns(await startTransaction(isolationLevel));
  return adapter;
}
