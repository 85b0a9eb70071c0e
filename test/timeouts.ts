/**
 * The timeout for a beforeAll/afterAll that does slow work (start Chromium on a busy machine,
 * generate the custom functions' metadata from the sources). Jest has no config option for hooks
 * alone (testTimeout, 60 s in jest.config.js, covers both), so such hooks pass this one.
 */
export const HOOK_TIMEOUT = 180_000;
