/**
 * The JSON a cut JSON text still holds: the inspector keeps the first bytes
 * of a long body only, and shows what they hold. The text is scanned once,
 * without recursion (any depth), for the last point where everything before
 * it closes into JSON (right after an opening bracket, or after a complete
 * value, never inside a string, a number or a member's name); the text up to
 * there, with its brackets closed, is handed to `JSON.parse`. A value cut in
 * the middle is left out, with the member it belongs to.
 *
 * @since 0.2.0
 */

const isSpace = (c: string): boolean => c === " " || c === "\n" || c === "\r" || c === "\t"

/** Where the string opened at `from` (a `"`) ends: the index after its closing quote, -1 when cut. */
const stringEnd = (text: string, from: number): number => {
  for (let i = from + 1; i < text.length; i++) {
    const c = text[i]
    if (c === "\\") i++
    else if (c === "\"") return i + 1
  }
  return -1
}

/** Where the number or literal at `from` ends: -1 when it runs to the end of the text (it may be cut). */
const scalarEnd = (text: string, from: number): number => {
  for (let i = from; i < text.length; i++) {
    const c = text[i] ?? ""
    if (isSpace(c) || c === "," || c === "]" || c === "}" || c === ":") return i
  }
  return -1
}

/**
 * The JSON a prefix of a JSON text holds (see the module), or `undefined`
 * when the prefix holds no complete piece of JSON or is not JSON at all.
 *
 * @since 0.2.0
 * @category parsing
 */
export const parsePrefix = (text: string): { readonly value: unknown } | undefined => {
  // the open containers: "}" for an object, "]" for an array
  const open: Array<"}" | "]"> = []
  // per open object: whether the next string is a member's name
  const expectName: Array<boolean> = []
  // the last point where the text closes into JSON, and how many containers are open there:
  // the containers below that depth cannot change after it (closing one is a new point)
  let cut = -1
  let depthAtCut = 0
  const mark = (at: number) => {
    cut = at
    depthAtCut = open.length
  }
  let i = 0
  scan: while (i < text.length) {
    const c = text[i] ?? ""
    if (isSpace(c)) {
      i++
    } else if (c === "{" || c === "[") {
      open.push(c === "{" ? "}" : "]")
      expectName.push(c === "{")
      mark(++i)
    } else if (c === "}" || c === "]") {
      if (open.pop() !== c) return undefined
      expectName.pop()
      mark(++i)
    } else if (c === "," || c === ":") {
      if (open.length === 0) return undefined
      expectName[expectName.length - 1] = c === "," && open[open.length - 1] === "}"
      i++
    } else if (c === "\"") {
      const end = stringEnd(text, i)
      if (end < 0) break scan
      const isName = open[open.length - 1] === "}" && expectName[expectName.length - 1] === true
      i = end
      if (!isName) mark(i)
    } else {
      const end = scalarEnd(text, i)
      if (end < 0) break scan
      i = end
      mark(i)
    }
  }
  if (cut < 0) return undefined
  try {
    return { value: JSON.parse(text.slice(0, cut) + open.slice(0, depthAtCut).reverse().join("")) }
  } catch {
    return undefined
  }
}
