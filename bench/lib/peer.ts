// Installing the peer (PostGraphile 4) into bench/peer on demand, so the app's dependencies stay clean.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const PEER_DIR = path.resolve(import.meta.dirname, "..", "peer");

/** Installs bench/peer's pinned dependencies when they are missing; returns why not, or undefined. */
export async function ensurePeerInstalled(log: (message: string) => void): Promise<string | undefined> {
  if (fs.existsSync(path.join(PEER_DIR, "node_modules", "postgraphile", "package.json"))) return undefined;
  log("installing PostGraphile 4 into bench/peer (once; about 30 s)…");
  try {
    await run("npm", ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", PEER_DIR], { cwd: PEER_DIR, maxBuffer: 16 * 1024 * 1024 });
    return undefined;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message;
    return `npm could not install PostGraphile into bench/peer: ${stderr.trim().split("\n").slice(-3).join(" ")}`;
  }
}

/** The GraphQL query that asks the peer for what the history API answers: a page of 50 published entries with their citations and sources. */
export function historyQuery(slug: string): string {
  return JSON.stringify({
    query: `query ($slug: String!) {
      allAgreements(condition: { slug: $slug }, first: 1) { nodes {
        slug title
        statusChangesByAgreementId(first: 50, condition: { state: PUBLISHED }, orderBy: [EFFECTIVE_TIME_DESC, OCCURRED_AT_DESC, CREATED_AT_DESC, ID_DESC]) {
          nodes {
            id status headline body occurredAt occurredPrecision timeZone effectiveAt effectiveTime direction publishedAt
            citationsByStatusChangeId(orderBy: [POSITION_ASC]) {
              nodes { quote quoteOriginal quoteLanguage locator credibility position
                sourceBySourceId { id url title publisher kind reliability publishedAt } }
            }
          }
        }
      } }
    }`,
    variables: { slug },
  });
}
