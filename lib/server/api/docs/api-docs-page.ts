import "server-only";

// The API reference page (decision 021): Swagger UI from the swagger-ui-dist package, served from
// our own origin (no CDN: it works offline), its scripts carrying this response's CSP nonce, so
// the policy of lib/security-headers.ts holds without 'unsafe-inline'.

/** The package's version, in the assets' addresses so a new one is never served from a stale cache. */
export const SWAGGER_UI_VERSION = "5.35.0";
const ASSETS = `/api/docs/assets`;

const escapeAttribute = (value: string) => value.replace(/[&"<>]/g, (character) => `&#${character.charCodeAt(0)};`);

export function apiDocsHtml(nonce: string): string {
  const n = escapeAttribute(nonce);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · Pactwatch</title>
<link rel="stylesheet" href="${ASSETS}/swagger-ui.css?v=${SWAGGER_UI_VERSION}">
</head>
<body>
<header style="font-family: system-ui, sans-serif; max-width: 1460px; margin: 0 auto; padding: 1rem 20px 0">
<p><a href="/">Pactwatch</a> · <a href="/api/v1/openapi.json">OpenAPI document (JSON)</a></p>
<h1 style="margin: 0.5rem 0 0">API reference</h1>
<noscript><p>This reference needs JavaScript. Without it, read <a href="/api/v1/openapi.json">the OpenAPI document</a> itself.</p></noscript>
</header>
<main id="swagger-ui" data-url="/api/v1/openapi.json"></main>
<script nonce="${n}" src="${ASSETS}/swagger-ui-bundle.js?v=${SWAGGER_UI_VERSION}"></script>
<script nonce="${n}" src="${ASSETS}/pactwatch-api-docs.js?v=${SWAGGER_UI_VERSION}"></script>
</body>
</html>
`;
}

/** Starts Swagger UI on the page: a file of its own, as no inline script may run. */
export const API_DOCS_START_SCRIPT = `"use strict";
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.getAttribute("data-url"),
    domNode: root,
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    // No badge from the public validator: the page makes no request off our origin.
    validatorUrl: null,
    tryItOutEnabled: false,
    persistAuthorization: false,
    displayOperationId: true,
    defaultModelsExpandDepth: 0
  });
});
`;
