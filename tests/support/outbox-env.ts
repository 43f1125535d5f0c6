import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "../../lib/server/env";
import { resetMailTransport } from "../../lib/server/subscriptions/mail-transport";

/**
 * Mail for the calling test file goes to the outbox, as on the embedded default with no SMTP:
 * a data folder of its own (its `outbox/` holds the .eml files) and a public URL for links.
 */
export function useOutboxEnv(prefix: string): { dataDir: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `pactwatch-${prefix}-`));
  beforeAll(() => {
    Object.assign(process.env, { PACTWATCH_DATA_DIR: dataDir, PUBLIC_URL: "http://pactwatch.test" });
    delete process.env.SMTP_URL;
    resetEnvCache();
    resetMailTransport();
  });
  afterAll(() => {
    delete process.env.PACTWATCH_DATA_DIR;
    delete process.env.PUBLIC_URL;
    resetEnvCache();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return { dataDir };
}
