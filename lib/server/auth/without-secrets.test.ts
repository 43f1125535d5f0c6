import { describe, expect, it } from "vitest";
import { withoutSecrets } from "./without-secrets";

describe("withoutSecrets", () => {
  it("drops passwords and secrets at any depth and keeps the rest", () => {
    expect(
      withoutSecrets({
        email: "a@example.org",
        password: "hunter2 hunter2",
        newPassword: "x",
        confirmPassword: "y",
        callbackUrl: "/",
        nested: { clientSecret: "s", name: "kept", items: [{ apiToken: "t", tokenId: "kept-id" }] },
      }),
    ).toEqual({ email: "a@example.org", callbackUrl: "/", nested: { name: "kept", items: [{ tokenId: "kept-id" }] } });
  });
});
