import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { staleBuildReason } from "./build";

let root = "";
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** A project tree whose files are an hour older than its build. */
function builtProject(): string {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "pactwatch-build-"));
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const file of ["app/page.tsx", "lib/domain/dates.ts", "proxy.ts", "tsconfig.json", "next.config.js", "postcss.config.mjs", "package-lock.json", "package.json"]) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), "");
    fs.utimesSync(path.join(root, file), anHourAgo, anHourAgo);
  }
  for (const folder of ["app", "lib/domain", "lib"]) fs.utimesSync(path.join(root, folder), anHourAgo, anHourAgo);
  fs.mkdirSync(path.join(root, ".next"));
  fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "build");
  return root;
}

function touch(file: string): void {
  const later = new Date(Date.now() + 1_000);
  fs.utimesSync(path.join(root, file), later, later);
}

describe("staleBuildReason", () => {
  it("asks for a first build", () => {
    builtProject();
    fs.rmSync(path.join(root, ".next"), { recursive: true });
    expect(staleBuildReason(root)).toBe("there is no production build yet");
  });

  it("keeps a build newer than every input", () => {
    expect(staleBuildReason(builtProject())).toBeNull();
  });

  it.each(["proxy.ts", "tsconfig.json", "next.config.js", "postcss.config.mjs", "package-lock.json", "package.json", "lib/domain/dates.ts", "app/page.tsx"])(
    "rebuilds when %s changed after the build",
    (file) => {
      builtProject();
      touch(file);
      expect(staleBuildReason(root)).toBe(`${file} changed since the last build`);
    },
  );
});
