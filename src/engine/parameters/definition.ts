/**
 * What the registry (registry.ts) says about each scenario parameter: the shape of one
 * definition, written once here so the data can be checked against it (`satisfies`) while the
 * ids and value types are read from the data itself.
 */
import type { UserGroup } from "../userGroups";

/** What the register says about who comes back (projection/returns.ts), per user group. */
export type ReturnQuantity = "next" | "afterGap" | "nights";

export type Capitalised<G extends string> = G extends `${infer F}${infer R}`
  ? `${Uppercase<F>}${R}`
  : G;

export type ParameterUnit =
  "årstal" | "år" | "%" | "dage" | "kr./år" | "kr." | "boliger/år" | "ja/nej" | "forløb" | "faktor";

/** A bound of the allowed range; `exclusive` when the bound itself is not allowed. */
export interface Bound {
  value: number;
  exclusive?: boolean;
}

/** One parameter's definition; registry.ts narrows `id` to the ids its data holds (ParameterDef). */
export interface ParameterSpec {
  id: string;
  /** The Danish name users type in the parameter range (the key of a template). */
  name: string;
  /** English name, accepted in the parameter range too. */
  alias: string;
  label: { da: string; en: string };
  /**
   * A few words for chart axes and narrow tables, clear on their own: no abbreviation, and no
   * two parameters alike ("Nettoafgiftsfaktor", not "NAF").
   */
  short: { da: string; en: string };
  unit: ParameterUnit;
  /** The default; null means "derived from the data" (the base year, the estimated return rates). */
  default: number | null;
  min: Bound;
  max: Bound;
  integer: boolean;
  /** Which group the sheet and the pane show it in. */
  group: "projection" | "returns" | "housingFirst" | "typology" | "views";
  /** Where the default comes from, or that it is the project's assumption. */
  source: string;
  /**
   * A parameter added after workbooks and templates were first made: a parameter range or a
   * template without it takes the default, so what users built keeps working (SPEC 4).
   */
  optional?: boolean;
  /**
   * The low and high values for sensitivity (tornado, switching values) and the Monte Carlo run,
   * with their source or the stated assumption; none for the base year, which is a choice of data.
   */
  range?: { low: number; high: number; source: string };
  /** Drawn in the Monte Carlo run: a quantity we are unsure of, not a choice the council makes. */
  uncertain: boolean;
  /**
   * A choice the council makes (whom to offer Housing First, how many dwellings, the horizon):
   * shown apart from the uncertain assumptions, with the NPV under each alternative (issue 20).
   */
  decision?: boolean;
  /**
   * Estimated from the register when blank (projection/returns.ts), with the range of its
   * bootstrap; the reserve, with its source, where the register is too short to estimate it.
   */
  estimated?: {
    group: UserGroup;
    quantity: ReturnQuantity;
    reserve: { value: number; low: number; high: number; source: string };
  };
}
