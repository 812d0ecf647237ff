/**
 * A scheme's parameter paths from keys relative to its id, as its parameters.yaml names them
 * (docs/add-a-scheme.md): {wage: "regionalAverageWage"} under "occupational-injury-pilot" is
 * {wage: "occupational-injury-pilot.regionalAverageWage"}.
 */
export function paramPaths<const K extends Record<string, string>>(id: string, keys: K): { readonly [k in keyof K]: string } {
  const out: Record<string, string> = {};
  for (const [name, key] of Object.entries(keys)) out[name] = `${id}.${key}`;
  return out as { readonly [k in keyof K]: string };
}
