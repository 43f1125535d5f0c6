import { describe, expect, it } from "vitest";
import { crossOriginActionProblem, pathProblem } from "./request-guards";

const headers = (values: Record<string, string>) => new Headers(values);

describe("pathProblem", () => {
  it("refuses NUL and other control characters, raw or encoded, and broken percent-encoding", () => {
    for (const path of ["/agreements/%00", "/agreements/a%00b", "/api/v1/parties/%0A", "/agreements/%C0", "/agreements/%", "/x/%E2%82"]) {
      expect(pathProblem(path), path).not.toBeNull();
    }
    expect(pathProblem("/agreements/%00")).toContain("NUL");
    expect(pathProblem("/agreements/%C0")).toContain("percent-encoding");
  });

  it("lets ordinary paths through, encoded spaces and Unicode included", () => {
    for (const path of ["/", "/agreements/gsomia", "/search", "/parties/KOR", "/sources/%E6%97%A5%E6%9C%AC", "/a%20b"]) expect(pathProblem(path), path).toBeNull();
  });
});

describe("crossOriginActionProblem", () => {
  it("refuses a POST to a page from another origin, an opaque origin or another port", () => {
    for (const origin of ["http://evil.example", "null", "http://127.0.0.1:9999", "https://127.0.0.1:3000x"]) {
      expect(crossOriginActionProblem("POST", "/sign-in", headers({ origin, host: "127.0.0.1:3000" })), origin).toContain("another site");
    }
  });

  it("compares with x-forwarded-host first, as Next.js does, and ignores case", () => {
    expect(crossOriginActionProblem("POST", "/desk/log", headers({ origin: "https://Pactwatch.example.org", host: "127.0.0.1:3000", "x-forwarded-host": "pactwatch.example.org" }))).toBeNull();
    expect(crossOriginActionProblem("POST", "/desk/log", headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "x-forwarded-host": "pactwatch.example.org" }))).not.toBeNull();
  });

  it("leaves same-origin posts, posts without Origin, reads and the API (its own checks) alone", () => {
    expect(crossOriginActionProblem("POST", "/sign-in", headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBeNull();
    expect(crossOriginActionProblem("POST", "/sign-in", headers({ host: "127.0.0.1:3000" }))).toBeNull();
    expect(crossOriginActionProblem("GET", "/sign-in", headers({ origin: "http://evil.example", host: "127.0.0.1:3000" }))).toBeNull();
    expect(crossOriginActionProblem("POST", "/api/v1/status-changes", headers({ origin: "http://evil.example", host: "127.0.0.1:3000" }))).toBeNull();
  });
});
