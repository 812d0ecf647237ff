/** Types of scripts/find-chromium.mjs. */
export function findChromium(env?: NodeJS.ProcessEnv): string | undefined;
export function ensureChromium(log?: (line: string) => void): { path: string; error?: undefined } | { error: string; path?: undefined };
