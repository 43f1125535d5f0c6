import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests (*.test.ts) and integration tests (*.integration.test.ts) run together; each
// integration file gets its own migrated database (tests/support/test-database.ts).
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; in tests it guards nothing.
      "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
      "next/cache": path.resolve(import.meta.dirname, "tests/support/next-cache-stub.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "tests/e2e/**", "lib/generated/**", ".data/**", "bench/peer/**", "bench/results/**"],
    environment: "node",
    // The request rate limits are off (0) for suites that call routes in bulk from one address;
    // tests/limits/ switch them on with the values they check (tests/support/limits-env.ts).
    env: {
      AUTH_SECRET: "test-only-secret-that-is-long-enough-0123456789",
      PUBLIC_READ: "true",
      RATE_LIMIT_SEARCHES_PER_MINUTE: "0",
      RATE_LIMIT_EXPORTS_PER_MINUTE: "0",
      RATE_LIMIT_WRITES_PER_MINUTE: "0",
    },
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
