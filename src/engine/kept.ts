/**
 * What the engine computes once per input object and keeps while the object lives: the engine
 * never changes the stays and rule sets it is given, so a result found for an object
 * holds for as long as anyone holds the object (a search asks for it again for every value).
 */
export function keptPer<K extends object, T>(compute: (key: K) => T): (key: K) => T {
  const kept = new WeakMap<K, T>();
  return (key) => {
    if (kept.has(key)) return kept.get(key) as T;
    const value = compute(key);
    kept.set(key, value);
    return value;
  };
}
