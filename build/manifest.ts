/**
 * dist/manifest.xml from the repository's manifest.xml, whose URLs point at the dev server:
 * every URL moved under the add-in's base URL (ADDIN_BASE_URL in a production build) and the
 * <Version> taken from package.json. Each release needs a higher version ("Whenever you make a
 * change to the manifest, or to any file in the app package, you must raise the version number",
 * https://learn.microsoft.com/office/dev/add-ins/publish/maintain-breaking-changes), and the
 * admin center only takes an update "if the version of the new add-in is greater".
 */
import { PRODUCTION, manifestFor, type AddinEnvironment } from "./environment";

/** The dev server's base URL, which manifest.xml's URLs start with. */
export const DEV_BASE_URL = "https://localhost:3000/";

/**
 * The base URL from ADDIN_BASE_URL: absolute https (Office loads add-ins only over https), no
 * query or fragment, ending in "/" (added if missing).
 */
export function baseUrlFrom(value: string | undefined): string {
  if (value === undefined || value.trim() === "") return DEV_BASE_URL;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`ADDIN_BASE_URL is not a URL: ${value}`);
  }
  if (url.protocol !== "https:")
    throw new Error(
      `ADDIN_BASE_URL must be https (Office loads add-ins only over https): ${value}`
    );
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`ADDIN_BASE_URL must have no query, fragment or credentials: ${value}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** package.json's x.y.z as the manifest's four-part version x.y.z.0. */
export function manifestVersion(packageVersion: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(packageVersion);
  if (!m)
    throw new Error(`package.json's version must be x.y.z for the manifest: ${packageVersion}`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/**
 * manifest.xml for `environment` (build/environment.ts: production keeps it as it is), with its
 * URLs under `baseUrl` and its version from `packageVersion`.
 */
export function buildManifest(
  xml: string,
  baseUrl: string,
  packageVersion: string,
  environment: AddinEnvironment = PRODUCTION
): string {
  const devOrigin = new URL(DEV_BASE_URL).origin;
  const origin = new URL(baseUrl).origin;
  const moved = manifestFor(xml, environment)
    .split(DEV_BASE_URL)
    .join(baseUrl)
    // An AppDomain is an origin, without the path.
    .replace(/<AppDomain>([^<]*)<\/AppDomain>/g, (whole, domain: string) =>
      domain === devOrigin ? `<AppDomain>${origin}</AppDomain>` : whole
    );
  if (moved.includes(devOrigin) && origin !== devOrigin)
    throw new Error(`manifest.xml has a dev URL that is not under ${DEV_BASE_URL}`);
  const versioned = moved.replace(
    /<Version>[^<]*<\/Version>/,
    `<Version>${manifestVersion(packageVersion)}</Version>`
  );
  if (versioned === moved && !moved.includes(`<Version>${manifestVersion(packageVersion)}<`))
    throw new Error("manifest.xml has no <Version>");
  return versioned;
}
