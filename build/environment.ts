/**
 * The add-in's two environments, chosen by ADDIN_ENV at build time: production (unset or
 * "production") and test ("test"). A test build is a second add-in that a tenant can deploy beside
 * production to a pilot group: the admin center and Office tell add-ins apart by the manifest's
 * <Id>, users tell them apart by the name on the ribbon, and Excel tells their functions apart by
 * the namespace (functions of two add-ins under one namespace conflict: "Excel shows the #REF!
 * error", https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming#naming-conflicts).
 * The test environment's Id is fixed here, so each test build updates the same pilot add-in.
 */
import { PRODUCTION_NAMESPACE } from "../src/functions/namespace";

export interface AddinEnvironment {
  name: "production" | "test";
  /** The manifest's <Id>; undefined keeps manifest.xml's. */
  id?: string;
  /** The functions' namespace (at most 32 characters, the manifest's limit for a resource). */
  namespace: string;
  /** Added to the names users see (display name, ribbon group and button). */
  nameSuffix: string;
}

export const PRODUCTION: AddinEnvironment = {
  name: "production",
  namespace: PRODUCTION_NAMESPACE,
  nameSuffix: "",
};

export const TEST: AddinEnvironment = {
  name: "test",
  id: "f55bbea0-81b2-469a-84a8-d2ff72869cb6",
  namespace: "DKTEST",
  nameSuffix: " (test)",
};

/** The environment ADDIN_ENV names; anything but production or test stops the build. */
export function environmentFrom(value: string | undefined): AddinEnvironment {
  const name = (value ?? "").trim().toLowerCase();
  if (name === "" || name === "production") return PRODUCTION;
  if (name === "test") return TEST;
  throw new Error(`ADDIN_ENV must be "production" or "test" (or unset): ${value}`);
}

/** The short strings on the ribbon that carry the add-in's name. */
const NAMED_STRINGS = ["RefusionGroup.Label", "TaskpaneButton.Label", "GetStarted.Title"];

/**
 * manifest.xml (with the dev server's URLs) for `environment`: its Id, its namespace (also where
 * a text names it, "=DK."), and its suffix on the display name and the ribbon's labels.
 */
export function manifestFor(xml: string, environment: AddinEnvironment): string {
  if (environment.name === "production") return xml;
  const suffix = (value: string) => `${value}${environment.nameSuffix}`;
  const names = xml
    // The display name and its locale overrides.
    .replace(
      /<DisplayName DefaultValue="([^"]*)">([\s\S]*?)<\/DisplayName>/,
      (_, name, body) =>
        `<DisplayName DefaultValue="${suffix(name)}">${body.replace(
          /Value="([^"]*)"/g,
          (_v: string, v: string) => `Value="${suffix(v)}"`
        )}</DisplayName>`
    )
    .replace(
      /<bt:String id="([\w.]+)" DefaultValue="([^"]*)">([\s\S]*?)<\/bt:String>/g,
      (whole, id: string, name: string, body: string) =>
        NAMED_STRINGS.includes(id)
          ? `<bt:String id="${id}" DefaultValue="${suffix(name)}">${body.replace(
              /Value="([^"]*)"/g,
              (_v: string, v: string) => `Value="${suffix(v)}"`
            )}</bt:String>`
          : whole
    );
  const namespaced = names
    .replace(
      /(<bt:String id="Functions\.Namespace" DefaultValue=")[^"]*(")/,
      `$1${environment.namespace}$2`
    )
    .replace(new RegExp(`\\b${PRODUCTION_NAMESPACE}\\.`, "g"), `${environment.namespace}.`);
  const identified = environment.id
    ? namespaced.replace(/<Id>[^<]*<\/Id>/, `<Id>${environment.id}</Id>`)
    : namespaced;
  for (const [what, changed] of [
    ["display name", names !== xml],
    ["namespace", namespaced.includes(`DefaultValue="${environment.namespace}"`)],
    ["Id", !environment.id || identified.includes(`<Id>${environment.id}</Id>`)],
  ] as const)
    if (!changed)
      throw new Error(`manifest.xml: the ${what} for ADDIN_ENV=${environment.name} was not set`);
  return identified;
}
