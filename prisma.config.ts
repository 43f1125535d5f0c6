import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's native schema engine cannot be downloaded on our machines, and `prisma generate`
// only needs its path to exist: point it at this file. Migrations go through the WebAssembly
// engine instead (scripts/db-migrate.ts, docs/decisions/002-offline-migrations.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("prisma.config.ts");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
