import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { GET as docsPage } from "../../app/api/docs/route";
import { GET as docsAsset } from "../../app/api/docs/assets/[file]/route";
import { SWAGGER_UI_VERSION } from "../../lib/server/api/docs/api-docs-page";

// The reference page's own rules (decision 021); tests/e2e/api-docs.spec.ts opens it in a browser.
const asset = (file: string) => docsAsset(new Request(`http://pactwatch.test/api/docs/assets/${file}`), { params: Promise.resolve({ file }) });

describe("/api/docs", () => {
  it("loads every script from our origin with this response's nonce, and runs no inline script", async () => {
    const response = await docsPage(new Request("http://pactwatch.test/api/docs", { headers: { "x-nonce": "bm9uY2Utb2YtdGhpcw==" } }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(2);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toContain('nonce="bm9uY2Utb2YtdGhpcw=="');
      expect(attributes).toMatch(/src="\/api\/docs\/assets\//);
      expect(body).toBe("");
    }
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('href="/api/v1/openapi.json"');
  });

  it("serves Swagger UI from the installed package, at the version the page asks for", async () => {
    const installed = JSON.parse(fs.readFileSync("node_modules/swagger-ui-dist/package.json", "utf8")) as { version: string };
    expect(SWAGGER_UI_VERSION).toBe(installed.version);
    const bundle = await asset("swagger-ui-bundle.js");
    expect(bundle.headers.get("content-type")).toContain("text/javascript");
    expect((await bundle.text()).length).toBeGreaterThan(500_000);
    expect((await asset("swagger-ui.css")).headers.get("content-type")).toContain("text/css");
    const start = await (await asset("pactwatch-api-docs.js")).text();
    expect(start).toContain("validatorUrl: null");
    const unknown = await asset("..%2Fpackage.json");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
  });
});
