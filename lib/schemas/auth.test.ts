import { describe, expect, it } from "vitest";
import { safeCallbackPath, ZCreateUser, ZSignIn } from "./auth";

describe("safeCallbackPath", () => {
  it("keeps same-origin paths, with their query and fragment", () => {
    expect(safeCallbackPath("/agreements/gsomia?x=1")).toBe("/agreements/gsomia?x=1");
    expect(safeCallbackPath("/")).toBe("/");
    expect(safeCallbackPath("/developments?q=a%20b#latest")).toBe("/developments?q=a%20b#latest");
    expect(safeCallbackPath("/desk/changes/new?subject=agreement:gsomia")).toBe("/desk/changes/new?subject=agreement:gsomia");
    // Unicode stays on our origin, percent-encoded so it is a valid Location header.
    expect(safeCallbackPath("/search?q=日本")).toBe("/search?q=%E6%97%A5%E6%9C%AC");
    expect(safeCallbackPath("/parties/한국")).toBe("/parties/%ED%95%9C%EA%B5%AD");
  });

  const offSite = [
    "//evil.example/",
    "///evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\evil.example",
    "/\t/evil.example",
    "/\t\t/evil.example",
    "/\r/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\u0000/evil.example",
    "/\u007f/evil.example",
    "/\u0085/evil.example",
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%0D%0A/evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5C/evil.example",
    "/%5c%5cevil.example",
    "/.//evil.example",
    "/./\\evil.example",
    "/\u00a0/evil.example",
    "/\u2028/evil.example",
    "/\u200b/evil.example",
    "/\ufeff/evil.example",
    "/\u3000/evil.example",
    "/%E2%80%8B/evil.example",
    "/%",
    "/%zz",
    "https://evil.example/",
    "http:/evil.example",
    "javascript:alert(1)",
    " /agreements",
    "\t/agreements",
    "evil.example",
    "",
    "/agreements\nSet-Cookie: x=1",
    `/${"a".repeat(2048)}`,
  ];
  it.each(offSite)("refuses %j to /", (candidate) => {
    expect(safeCallbackPath(candidate)).toBe("/");
  });

  it("refuses missing values", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(null)).toBe("/");
  });

  it("never answers anything a browser could read as another origin", () => {
    for (const candidate of offSite) {
      const answer = safeCallbackPath(candidate);
      expect(new URL(answer, "https://pactwatch.example.org").origin).toBe("https://pactwatch.example.org");
    }
  });
});

describe("auth schemas", () => {
  it("lower-cases and trims emails", () => {
    expect(ZSignIn.parse({ email: "  Analyst@Pactwatch.TEST ", password: "x" }).email).toBe("analyst@pactwatch.test");
  });

  it("says what to fix", () => {
    const result = ZCreateUser.safeParse({ email: "nope", name: "", role: "KING", password: "short" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "email: Enter an email address such as name@example.org",
        "name: Enter a name",
        "role: Choose a role: reader, analyst or admin",
        "password: Use at least 12 characters",
      ]),
    );
  });
});
