import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../env";
import { authOptions, oidcProviderName } from "./auth-options";
import { SESSION_COOKIE } from "./session-token";

const OIDC = { OIDC_ISSUER: "https://login.example.org/realms/pactwatch", OIDC_CLIENT_ID: "pactwatch", OIDC_CLIENT_SECRET: "s3cret", OIDC_NAME: "Example SSO" };

afterEach(() => {
  for (const key of Object.keys(OIDC)) delete process.env[key];
  resetEnvCache();
});

describe("single sign-on", () => {
  it("is off until issuer, client id and secret are all set", () => {
    expect(oidcProviderName()).toBeNull();
    expect(authOptions().providers).toEqual([]);
    process.env.OIDC_ISSUER = OIDC.OIDC_ISSUER;
    resetEnvCache();
    expect(oidcProviderName()).toBeNull();
  });

  it("switches on an OpenID Connect provider that writes our session cookie", () => {
    Object.assign(process.env, OIDC);
    resetEnvCache();
    expect(oidcProviderName()).toBe("Example SSO");
    const options = authOptions();
    expect(options.providers).toHaveLength(1);
    expect(options.providers[0]).toMatchObject({
      id: "oidc",
      type: "oauth",
      wellKnown: "https://login.example.org/realms/pactwatch/.well-known/openid-configuration",
      clientId: "pactwatch",
    });
    expect(options.cookies?.sessionToken?.name).toBe(SESSION_COOKIE);
    expect(options.session?.strategy).toBe("jwt");
  });
});
