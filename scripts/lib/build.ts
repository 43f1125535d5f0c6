import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCE_ROOTS = ["app", "components", "lib", "next.config.js", "postcss.config.mjs", "package-lock.json"];

function newestModification(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestModification(path.join(entry, child)));
  return newest;
}

/** Runs `next build` when there is no production build or the sources changed since it. */
export function ensureProductionBuild(log: (message: string) => void): void {
  const buildId = path.join(".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const changedAt = Math.max(...SOURCE_ROOTS.map(newestModification));
  if (builtAt > changedAt) return;
  log(builtAt ? "sources changed since the last build: building again…" : "building the app (about a minute the first time)…");
  const result = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed: see its output above");
}
