/**
 * The emulator's authorization model: the types of a schema, each with its
 * definitions (a relation saved as tuples, or a permission computed from an
 * expression), and the parser of Descope's FGA DSL into it.
 *
 * ```
 * model AuthZ 1.0
 * type user
 * type folder
 *   relation parent: folder
 *   relation owner: user | group#member
 *   permission can_view: owner | parent.can_view
 * ```
 *
 * Expressions: `|` (or `or`) is a union, `&` (or `and`) an intersection,
 * `-` (or `but not`) an exclusion; `&` and `-` bind tighter than `|`, and
 * `-` tighter than `&`; parentheses group; `rel.name` follows the relation
 * `rel` to its targets and evaluates `name` there.
 *
 * @since 0.2.0
 */

/**
 * An expression of a permission.
 *
 * @since 0.2.0
 * @category models
 */
export type Expr =
  | { readonly _tag: "This" }
  | { readonly _tag: "Ref"; readonly name: string }
  | { readonly _tag: "Arrow"; readonly via: string; readonly name: string; readonly targetType?: string | undefined }
  | { readonly _tag: "Or" | "And" | "But"; readonly left: Expr; readonly right: Expr }

/**
 * A target type of a relation: `user`, or the set `group#member`.
 *
 * @since 0.2.0
 * @category models
 */
export interface TypeRef {
  readonly type: string
  readonly relation?: string | undefined
}

/**
 * A definition of a type: a relation (`expr` absent: its tuples) or a permission (`expr`).
 * `types` undefined accepts targets of any type (the ReBAC API's untyped targets).
 *
 * @since 0.2.0
 * @category models
 */
export interface Definition {
  readonly name: string
  readonly kind: "relation" | "permission"
  readonly types?: ReadonlyArray<TypeRef> | undefined
  readonly expr?: Expr | undefined
}

/**
 * A parsed schema: its types by name, each with its definitions by name.
 *
 * @since 0.2.0
 * @category models
 */
export interface Model {
  readonly types: ReadonlyMap<string, ReadonlyMap<string, Definition>>
}

/**
 * A schema that does not parse: the message and where (1-based line and column).
 *
 * @since 0.2.0
 * @category models
 */
export interface ParseError {
  readonly message: string
  readonly line: number
  readonly column: number
}

/**
 * The rendering of a parse error: `line 3, column 12: unknown type "grop"`.
 *
 * @since 0.2.0
 * @category rendering
 */
export const renderError = (e: ParseError): string => `line ${e.line}, column ${e.column}: ${e.message}`

interface Token {
  readonly text: string
  readonly column: number
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/

const tokenize = (line: string): Array<Token> => {
  const out: Array<Token> = []
  const re = /[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)*|[|&\-().:#]|\S/g
  for (let m = re.exec(line); m !== null; m = re.exec(line)) out.push({ text: m[0], column: m.index + 1 })
  return out
}

class Fail {
  constructor(readonly error: ParseError) {}
}

const fail = (message: string, line: number, column: number): never => {
  throw new Fail({ message, line, column })
}

interface Pending {
  readonly expr: Expr
  readonly line: number
  readonly column: number
}

const parseExpr = (tokens: ReadonlyArray<Token>, start: number, lineNo: number, endColumn: number): Expr => {
  let i = start
  const peek = (): Token | undefined => tokens[i]
  const at = (): number => peek()?.column ?? endColumn
  const isWord = (w: string) => peek()?.text.toLowerCase() === w
  const atom = (): Expr => {
    const t = peek()
    if (t === undefined) return fail("expected a relation or permission name", lineNo, at())
    if (t.text === "(") {
      i++
      const e = union()
      if (peek()?.text !== ")") fail("expected \")\"", lineNo, at())
      i++
      return e
    }
    if (!IDENT.test(t.text)) return fail(`unexpected "${t.text}"`, lineNo, t.column)
    i++
    if (peek()?.text === ".") {
      i++
      const n = peek()
      if (n === undefined || !IDENT.test(n.text)) return fail("expected a name after \".\"", lineNo, at())
      i++
      return { _tag: "Arrow", via: t.text, name: n.text }
    }
    return { _tag: "Ref", name: t.text }
  }
  const exclusion = (): Expr => {
    let left = atom()
    for (;;) {
      if (peek()?.text === "-") i++
      else if (isWord("but") && tokens[i + 1]?.text.toLowerCase() === "not") i += 2
      else return left
      left = { _tag: "But", left, right: atom() }
    }
  }
  const intersection = (): Expr => {
    let left = exclusion()
    while (peek()?.text === "&" || isWord("and")) {
      i++
      left = { _tag: "And", left, right: exclusion() }
    }
    return left
  }
  const union = (): Expr => {
    let left = intersection()
    while (peek()?.text === "|" || isWord("or")) {
      i++
      left = { _tag: "Or", left, right: intersection() }
    }
    return left
  }
  const e = union()
  const rest = peek()
  if (rest !== undefined) fail(`unexpected "${rest.text}"`, lineNo, rest.column)
  return e
}

type Leaf = Exclude<Expr, { readonly left: Expr }>

const refs = (e: Expr): ReadonlyArray<Leaf> => ("left" in e ? [...refs(e.left), ...refs(e.right)] : [e])

/**
 * Parses a schema in Descope's FGA DSL; a schema that does not parse (or names an unknown type,
 * relation or permission) is a `ParseError` naming its line and column.
 *
 * @since 0.2.0
 * @category parsing
 */
export const parse = (dsl: string): { readonly _tag: "Right"; readonly model: Model } | {
  readonly _tag: "Left"
  readonly error: ParseError
} => {
  try {
    return { _tag: "Right", model: parseOrThrow(dsl) }
  } catch (e) {
    if (e instanceof Fail) return { _tag: "Left", error: e.error }
    throw e
  }
}

const parseOrThrow = (dsl: string): Model => {
  const types = new Map<string, Map<string, Definition>>()
  const typeRefs: Array<{ readonly ref: TypeRef; readonly line: number; readonly column: number }> = []
  const pending: Array<{ readonly type: string } & Pending> = []
  let current: Map<string, Definition> | undefined
  let currentType = ""
  let sawModel = false
  const lines = dsl.split(/\r?\n/)
  lines.forEach((raw, index) => {
    const lineNo = index + 1
    const commentAt = raw.indexOf("//")
    const line = commentAt >= 0 ? raw.slice(0, commentAt) : raw
    const tokens = tokenize(line)
    const head = tokens[0]
    if (head === undefined) return
    const endColumn = line.trimEnd().length + 1
    if (!sawModel) {
      if (head.text !== "model" || tokens[1]?.text !== "AuthZ" || tokens[2]?.text !== "1.0" || tokens.length !== 3) {
        fail("a schema starts with \"model AuthZ 1.0\"", lineNo, head.column)
      }
      sawModel = true
      return
    }
    if (head.text === "type") {
      const name = tokens[1]
      if (name === undefined || !IDENT.test(name.text)) {
        return fail("expected a type name", lineNo, name?.column ?? endColumn)
      }
      if (tokens[2] !== undefined) return fail(`unexpected "${tokens[2].text}"`, lineNo, tokens[2].column)
      if (types.has(name.text)) return fail(`type "${name.text}" is defined twice`, lineNo, name.column)
      current = new Map()
      currentType = name.text
      types.set(name.text, current)
      return
    }
    if (head.text !== "relation" && head.text !== "permission") {
      return fail(`expected "type", "relation" or "permission", found "${head.text}"`, lineNo, head.column)
    }
    if (current === undefined) return fail(`a ${head.text} belongs to a type`, lineNo, head.column)
    const name = tokens[1]
    if (name === undefined || !IDENT.test(name.text)) {
      return fail(`expected a ${head.text} name`, lineNo, name?.column ?? endColumn)
    }
    if (tokens[2]?.text !== ":") return fail("expected \":\"", lineNo, tokens[2]?.column ?? endColumn)
    if (current.has(name.text)) {
      return fail(`"${name.text}" is defined twice in type "${currentType}"`, lineNo, name.column)
    }
    if (head.text === "permission") {
      const expr = parseExpr(tokens, 3, lineNo, endColumn)
      current.set(name.text, { name: name.text, kind: "permission", expr })
      pending.push({ type: currentType, expr, line: lineNo, column: tokens[3]?.column ?? endColumn })
      return
    }
    const refsOf: Array<TypeRef> = []
    let i = 3
    for (;;) {
      const t = tokens[i]
      if (t === undefined || !IDENT.test(t.text)) return fail("expected a type", lineNo, t?.column ?? endColumn)
      i++
      let ref: TypeRef = { type: t.text }
      if (tokens[i]?.text === "#") {
        const r = tokens[i + 1]
        if (r === undefined || !IDENT.test(r.text)) {
          return fail("expected a relation after \"#\"", lineNo, r?.column ?? endColumn)
        }
        ref = { type: t.text, relation: r.text }
        i += 2
      }
      refsOf.push(ref)
      typeRefs.push({ ref, line: lineNo, column: t.column })
      const sep = tokens[i]
      if (sep === undefined) break
      if (sep.text !== "|" && sep.text.toLowerCase() !== "or") {
        return fail(`unexpected "${sep.text}"`, lineNo, sep.column)
      }
      i++
    }
    current.set(name.text, { name: name.text, kind: "relation", types: refsOf })
  })
  if (!sawModel) fail("a schema starts with \"model AuthZ 1.0\"", 1, 1)
  for (const { column, line, ref } of typeRefs) {
    const t = types.get(ref.type)
    if (t === undefined) fail(`unknown type "${ref.type}"`, line, column)
    if (ref.relation !== undefined && t?.has(ref.relation) !== true) {
      fail(`type "${ref.type}" has no relation or permission "${ref.relation}"`, line, column)
    }
  }
  for (const p of pending) {
    const defs = types.get(p.type)!
    for (const r of refs(p.expr)) {
      if (r._tag === "Ref" && !defs.has(r.name)) {
        fail(`type "${p.type}" has no relation or permission "${r.name}"`, p.line, p.column)
      }
      if (r._tag !== "Arrow") continue
      const via = defs.get(r.via)
      if (via?.kind !== "relation") fail(`type "${p.type}" has no relation "${r.via}"`, p.line, p.column)
      const targets = (via?.types ?? []).filter((t) => t.relation === undefined)
      if (!targets.some((t) => types.get(t.type)?.has(r.name) === true)) {
        fail(`no target type of "${r.via}" has "${r.name}"`, p.line, p.column)
      }
    }
  }
  return { types }
}
