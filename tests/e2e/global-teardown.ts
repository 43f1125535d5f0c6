import fs from "node:fs";

// The embedded database of this run is thrown away with it.
export default function globalTeardown() {
  const dataDir = process.env.E2E_DATA_DIR;
  if (dataDir && dataDir.includes("pactwatch-e2e-")) fs.rmSync(dataDir, { recursive: true, force: true });
}
