/**
 * The Content-Security-Policy of the add-in's pages (taskpane.html, help.html): office.js from
 * Microsoft's CDN is the only remote script; everything else comes from the add-in's own origin.
 * - script-src: our bundles and https://appsforoffice.microsoft.com (office.js loads its host
 *   files from the same CDN folder).
 * - style-src 'unsafe-inline': Fluent UI v9 (griffel) inserts <style> elements at run time,
 *   help.html has an inline <style>, and office.js in Excel on the web adds inline styles.
 * - worker-src 'self': web workers are bundled files of the add-in (no blob: workers).
 * - frame-ancestors (only as an HTTP header; browsers ignore it in a <meta> element): Excel on
 *   the web frames the pane from Microsoft's Office domains. Microsoft publishes no list; these
 *   are the domains Excel on the web is served from (office.com, officeapps.live.com for the
 *   editor, sharepoint.com and onedrive.live.com for files, cloud.microsoft) and may need an
 *   addition when Microsoft adds one (docs/deploy.md).
 * The web-server recipes (deploy/: nginx, IIS, Azure) send `policy({ header: true })`; the
 * built pages carry `policy({})` in a <meta> element, so the dev server and the demo run under
 * it too.
 */

export const OFFICE_CDN = "https://appsforoffice.microsoft.com";

export const FRAME_ANCESTORS = [
  "'self'",
  "https://*.officeapps.live.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.sharepoint.com",
  "https://onedrive.live.com",
  "https://*.cloud.microsoft",
];

export function contentSecurityPolicy(options: {
  /** As an HTTP header: with frame-ancestors. */
  header?: boolean;
  /** Extra connect-src sources (the dev server's live-reload socket). */
  connect?: string[];
}): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", OFFICE_CDN],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", OFFICE_CDN, ...(options.connect ?? [])],
    ["worker-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
  ];
  if (options.header) directives.push(["frame-ancestors", ...FRAME_ANCESTORS]);
  return directives.map((d) => d.join(" ")).join("; ");
}
