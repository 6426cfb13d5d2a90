/**
 * A memo of values by string key, bounded: when it holds `capacity` values it
 * starts afresh. For small sets of values that repeat (refusals, their 401s,
 * issuers) whose keys an attacker could vary: a flood of distinct keys costs
 * a rebuild, never memory.
 *
 * @internal
 */
export const boundedMemo = <V>(capacity: number): (key: string, make: () => V) => V => {
  const known = new Map<string, V>()
  return (key, make) => {
    const hit = known.get(key)
    if (hit !== undefined) return hit
    const made = make()
    if (known.size >= capacity) known.clear()
    known.set(key, made)
    return made
  }
}
