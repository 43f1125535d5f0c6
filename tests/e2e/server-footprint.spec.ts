// What holds the app server's resident memory down (decisions 027 and 043), checked on the build
// and the process the journeys run against: `npm run build` and `npm start`, as deployed.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const port = String(process.env.E2E_PORT ?? 3100);

function serverFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return serverFiles(file);
    return entry.name.endsWith(".js") ? [file] : [];
  });
}

test("no server code is bundled twice: each large chunk of the build is one of a kind", () => {
  // Turbopack gave every route handler its own copy of the code they share (32 files of 636 KB
  // apart from their source-map comment), and the server kept every copy it loaded.
  const byContent = new Map<string, string[]>();
  for (const file of serverFiles(path.join(".next", "server"))) {
    const text = fs.readFileSync(file, "utf8");
    if (text.length < 64 * 1024) continue;
    const key = crypto.createHash("sha256").update(text.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "")).digest("hex");
    byContent.set(key, [...(byContent.get(key) ?? []), path.relative(".next", file)]);
  }
  expect(byContent.size, "the build has large server chunks at all").toBeGreaterThan(0);
  const copies = [...byContent.values()].filter((files) => files.length > 1);
  expect(copies, "server chunks with the same code").toEqual([]);
});

test("the server npm start runs has a fixed heap growth and two malloc arenas", () => {
  const servers = fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        if (!commandLine.includes("scripts/serve.mjs")) return [];
        const environment = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
        return environment.includes(`PORT=${port}`) ? [{ commandLine, environment }] : [];
      } catch {
        return []; // a process that ended while we looked
      }
    });
  expect(servers).toHaveLength(1);
  expect(servers[0]!.commandLine).toContain("--heap-growing-percent=70");
  expect(servers[0]!.environment).toContain("MALLOC_ARENA_MAX=2");
});
