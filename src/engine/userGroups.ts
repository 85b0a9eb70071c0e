/**
 * The user groups of the typology (typology.ts), on their own so the parameter registry can name
 * them without importing the classification, which needs the § 110 engine.
 */
export const USER_GROUPS = ["chronic", "episodic", "transitional"] as const;
export type UserGroup = (typeof USER_GROUPS)[number];
