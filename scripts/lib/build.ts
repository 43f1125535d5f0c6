import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Everything `next build` reads: route and library code, the request proxy, the compiler and
// bundler settings, and the installed packages. A change to any of them makes the build stale.
export const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "middleware.ts",
  "instrumentation.ts",
  "next.config.js",
  "next.config.mjs",
  "next.config.ts",
  "postcss.config.mjs",
  "postcss.config.js",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

function newestModification(entry: string): { at: number; file: string } {
  if (!fs.existsSync(entry)) return { at: 0, file: entry };
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return { at: stat.mtimeMs, file: entry };
  let newest = { at: stat.mtimeMs, file: entry };
  for (const child of fs.readdirSync(entry)) {
    const candidate = newestModification(path.join(entry, child));
    if (candidate.at > newest.at) newest = candidate;
  }
  return newest;
}

/** Why the production build in root/.next must be made (again), or null when it is current. */
export function staleBuildReason(root = process.cwd()): string | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "there is no production build yet";
  const builtAt = fs.statSync(buildId).mtimeMs;
  for (const input of BUILD_INPUTS) {
    const newest = newestModification(path.join(root, input));
    if (newest.at >= builtAt) return `${path.relative(root, newest.file)} changed since the last build`;
  }
  return null;
}

/** Runs `next build --webpack` (decision 043) when there is no production build or its inputs changed since it. */
export function ensureProductionBuild(log: (message: string) => void): void {
  const reason = staleBuildReason();
  if (reason === null) return;
  log(reason === "there is no production build yet" ? "building the app (about a minute the first time)…" : `${reason}: building again…`);
  const result = spawnSync(path.join("node_modules", ".bin", "next"), ["build", "--webpack"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed: see its output above");
}
