// An example client script, type-checked against TypeScript types generated from the OpenAPI
// document (tests/api/typed-client.test.ts makes ./generated/ and compiles this file with tsc).
// Run it with: PACTWATCH_URL=http://localhost:3000 PACTWATCH_TOKEN=pw_… npx tsx example.ts
import type { components, paths } from "./generated/pactwatch-api";

type TAgreementList = paths["/api/v1/agreements"]["get"]["responses"][200]["content"]["application/json"];
type TAgreementQuery = NonNullable<paths["/api/v1/agreements"]["get"]["parameters"]["query"]>;
type TLogBody = paths["/api/v1/status-changes"]["post"]["requestBody"]["content"]["application/json"];
type TLogged = paths["/api/v1/status-changes"]["post"]["responses"][201]["content"]["application/json"];
type TProblem = components["schemas"]["Problem"];

const BASE = process.env.PACTWATCH_URL ?? "http://localhost:3000";
const TOKEN = process.env.PACTWATCH_TOKEN ?? "";

async function problemOf(response: Response): Promise<Error> {
  const problem = (await response.json()) as TProblem;
  const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join("; ")}`);
  return new Error(`${problem.status} ${problem.title}: ${problem.detail}${fields.length ? ` (${fields.join(", ")})` : ""}`);
}

/** Every agreement matching the filters, following the keyset pages to the end. */
async function listAgreements(query: TAgreementQuery): Promise<TAgreementList["data"]> {
  const search = new URLSearchParams();
  if (query.q) search.set("q", query.q);
  for (const party of query.party ?? []) search.append("party", party);
  search.set("limit", String(query.limit ?? 100));
  let next: string | null = `/api/v1/agreements?${search}`;
  const all: TAgreementList["data"] = [];
  while (next) {
    const response: Response = await fetch(new URL(next, BASE));
    if (!response.ok) throw await problemOf(response);
    const page = (await response.json()) as TAgreementList;
    all.push(...page.data);
    next = page.links.next;
  }
  return all;
}

/** Logs a development with a token; a retry after a network failure sends the same Idempotency-Key. */
async function logDevelopment(body: TLogBody): Promise<TLogged> {
  const response = await fetch(new URL("/api/v1/status-changes", BASE), {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw await problemOf(response);
  return (await response.json()) as TLogged;
}

async function main() {
  const agreements = await listAgreements({ party: ["JPN", "KOR"] });
  for (const agreement of agreements) console.log(agreement.slug, agreement.current?.status ?? "no status yet", agreement.current?.since ?? "");
  // @ts-expect-error: the generated types know every field, so a typo does not compile.
  console.log(agreements[0]?.titel);
  const logged = await logDevelopment({
    subject: "agreement:gsomia",
    status: "IN_FORCE",
    headline: "GSOMIA renewed for another year",
    occurredOn: "2020-11-23",
    timeZone: "Asia/Seoul",
    intent: "draft",
    citations: [{ url: "https://www.example.org/gsomia-renewal", title: "GSOMIA renewed", publisher: "Example Wire", credibility: 2 }],
  });
  console.log(`logged ${logged.id} (${logged.state}, version ${logged.version}) on ${logged.subject.slug}`);
  // @ts-expect-error: statuses are an enum in the document, so a wrong one does not compile.
  const wrong: TLogBody["status"] = "ALMOST_IN_FORCE";
  void wrong;
}

await main();
