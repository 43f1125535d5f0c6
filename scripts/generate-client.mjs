// postinstall: generates the Prisma client into lib/generated/prisma, offline and quietly.
// Plain Node (no tsx): it runs while dependencies may still be settling.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaBin = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "prisma.cmd" : "prisma");
const fail = (message) => {
  console.error(`[generate-client] ${message}`);
  process.exit(1);
};

if (!existsSync(prismaBin)) {
  fail("node_modules/.bin/prisma is missing: run `npm install` (the prisma package is a dependency)");
}

const started = performance.now();
const result = spawnSync(prismaBin, ["generate"], {
  cwd: root,
  encoding: "utf8",
  shell: process.platform === "win32",
  env: {
    ...process.env,
    // `prisma generate` only checks that a schema engine exists; it is never run (migrations go
    // through the WebAssembly engine, docs/decisions/002), and the native one cannot be
    // downloaded here. Any existing file satisfies the check.
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || path.join(root, "prisma.config.ts"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});

const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
if (result.error) {
  fail(`could not run prisma generate (${result.error.message}): reinstall with \`npm install\``);
}
if (result.status !== 0) {
  console.error(output);
  fail(
    `prisma generate failed (exit ${result.status ?? result.signal}): see its output above; ` +
      "usually prisma/schema.prisma has an error, which `npx prisma validate` pinpoints",
  );
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`[generate-client] generated the Prisma client into lib/generated/prisma (${seconds} s)`);
