import { describe, expect, it } from "vitest";
import { safeCallbackPath, ZCreateUser, ZSignIn } from "./auth";

describe("safeCallbackPath", () => {
  it("keeps same-site paths and refuses everything else", () => {
    expect(safeCallbackPath("/agreements/gsomia?x=1")).toBe("/agreements/gsomia?x=1");
    expect(safeCallbackPath("//evil.example/")).toBe("/");
    expect(safeCallbackPath("/\\evil.example")).toBe("/");
    expect(safeCallbackPath("https://evil.example/")).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
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
