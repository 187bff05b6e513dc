/**
 * Scalar's configuration. Each setting keeps the page from reaching any host but this server: no web fonts,
 * no telemetry, no AI agent (which calls an outside proxy), no developer tools. No key is filled in: the page
 * is served without credentials, so a key in it would be readable by anyone who can reach the server.
 */
export const SCALAR_CONFIG = Object.freeze({
  url: "/openapi.json",
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: "never",
});

/**
 * The page's Content-Security-Policy: scripts, requests, images and fonts from this origin only, so a
 * setting Scalar adds later cannot quietly reach out. Scalar injects its styles, hence `'unsafe-inline'`
 * for styles (not scripts).
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The script that starts Scalar, served at `/docs/init.js` (an inline script would need a weaker CSP). */
export const DOCS_INIT_SCRIPT = `Scalar.createApiReference("#app", ${JSON.stringify(SCALAR_CONFIG)});\n`;

/** The HTML of `/`: the note that data is in memory only, and Scalar's API reference. */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>group-spec: the Group call API</title>
<style>
  .in-memory-note { margin: 0; padding: 8px 16px; font: 14px/1.4 system-ui, sans-serif; background: #fff4ce; color: #3b3000; border-bottom: 1px solid #e0c860; }
  .in-memory-note code { font-family: ui-monospace, monospace; }
</style>
</head>
<body>
<p class="in-memory-note" role="note">
  Reference server: accepted group calls are kept <strong>in memory only</strong>, per API key, and are lost
  when the server stops. Read a group back with <code>GET /api/groups/{group_id}</code> and the same
  <code>x-api-key</code>.
</p>
<div id="app"></div>
<script src="/docs/scalar.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;
