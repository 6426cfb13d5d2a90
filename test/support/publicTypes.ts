/**
 * Every type a hover shows is importable: the TypeScript checker walks the
 * public API (the `DescopeClient` service and every export of the four entry
 * points, through call signatures, properties and type arguments) and collects
 * every named type declared in src. Each must be exported by an entry point,
 * by name or as a member of an exported namespace (`Session.Session`); and an
 * error union (the `E` of an `Effect` / `Stream`) by its own name, since that is
 * what users write in a signature (`Effect<A, StartError>`).
 *
 * Run by test/readme.test.ts over the program that compiles the README's
 * blocks (the entry points are among its roots), so src is parsed and bound once.
 */
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import ts from "typescript"

const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..", "..")
const SRC = Path.join(ROOT, "src") + Path.sep
/** The entry points of the exports map, as files of src. */
export const ENTRIES: ReadonlyArray<string> = [
  "src/index.ts",
  "src/server/index.ts",
  "src/node/index.ts",
  "src/emulator/index.ts",
  "src/promise/index.ts",
  "src/validation/index.ts",
  "src/adapters/hono.ts",
  "src/adapters/express.ts",
  "src/adapters/fastify.ts",
  "src/adapters/next.ts"
].map(
  (entry) => Path.join(ROOT, entry)
)

interface Found {
  readonly symbol: ts.Symbol
  /** Where the walk met it first, e.g. `client.otp.signUp()`. */
  readonly via: string
  /** Met as the error channel of an `Effect` / `Stream`. */
  errorChannel: boolean
}

/** Walks the public API in `program` (which must have the {@link ENTRIES} among its files). */
export const walkPublicApi = (program: ts.Program) => {
  const files = ENTRIES
  const checker = program.getTypeChecker()
  const resolve = (s: ts.Symbol) => ((s.flags & ts.SymbolFlags.Alias) !== 0 ? checker.getAliasedSymbol(s) : s)
  const declaredInSrc = (s: ts.Symbol | undefined) =>
    s?.declarations?.some((d) => d.getSourceFile().fileName.startsWith(SRC)) ?? false

  // how each symbol can be imported: `entry:Name` or `entry:Namespace.Name`
  const importable = new Map<ts.Symbol, Array<string>>()
  const addPath = (s: ts.Symbol, path: string) => importable.set(s, [...(importable.get(s) ?? []), path])
  for (const file of files) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!
    const entry = Path.relative(ROOT, file)
    // names and the members of namespaces, nested (`Endpoint.Endpoint.Any`)
    const addAll = (symbol: ts.Symbol, path: string, depth: number): void => {
      const target = resolve(symbol)
      addPath(target, path)
      if (depth < 3 && (target.flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)) !== 0) {
        for (const member of checker.getExportsOfModule(target)) addAll(member, `${path}.${member.name}`, depth + 1)
      }
    }
    for (const exported of checker.getExportsOfModule(module)) addAll(exported, `${entry}:${exported.name}`, 0)
  }

  const found = new Map<ts.Symbol, Found>()
  const note = (symbol: ts.Symbol, via: string, errorChannel: boolean) => {
    const known = found.get(symbol)
    if (known === undefined) found.set(symbol, { symbol, via, errorChannel })
    else if (errorChannel) known.errorChannel = true
  }
  const seen = new Set<ts.Type>()
  const walk = (type: ts.Type, via: string, errorChannel: boolean, depth: number): void => {
    if (depth > 10) return
    if (type.aliasSymbol !== undefined && declaredInSrc(type.aliasSymbol)) {
      note(type.aliasSymbol, via, errorChannel)
      for (const arg of type.aliasTypeArguments ?? []) walk(arg, via, false, depth + 1)
    }
    if (seen.has(type)) {
      // met again as an error channel: mark the union's named members
      if (errorChannel && type.aliasSymbol !== undefined && declaredInSrc(type.aliasSymbol)) {
        note(type.aliasSymbol, via, true)
      }
      return
    }
    seen.add(type)
    if (type.isUnion() || type.isIntersection()) {
      for (const member of type.types) walk(member, via, errorChannel && type.aliasSymbol === undefined, depth + 1)
      return
    }
    const symbol = type.getSymbol()
    if (
      symbol !== undefined && declaredInSrc(symbol) &&
      (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class)) !== 0
    ) {
      note(symbol, via, errorChannel)
    }
    if ((type.flags & ts.TypeFlags.Object) === 0) return
    const reference = type as ts.TypeReference
    const args = reference.target !== undefined ? checker.getTypeArguments(reference) : []
    const isEffect = symbol?.name === "Effect" || symbol?.name === "Stream"
    args.forEach((arg, i) => walk(arg, via, isEffect && i === 1, depth + 1))
    for (const signature of type.getCallSignatures()) {
      for (const parameter of signature.getParameters()) {
        walk(checker.getTypeOfSymbol(parameter), `${via}(${parameter.name})`, false, depth + 1)
      }
      walk(signature.getReturnType(), `${via}()`, false, depth + 1)
    }
    if (declaredInSrc(symbol) || symbol?.name === "__type" || symbol?.name === "__object") {
      for (const property of type.getProperties()) {
        const declaration = property.valueDeclaration ?? property.declarations?.[0]
        if (declaration !== undefined) {
          walk(checker.getTypeOfSymbolAtLocation(property, declaration), `${via}.${property.name}`, false, depth + 1)
        }
      }
    }
  }

  for (const [symbol, paths] of importable) {
    const path = paths[0]!
    if ((symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable | ts.SymbolFlags.Class)) !== 0) {
      const declaration = symbol.valueDeclaration
      if (declaration !== undefined) walk(checker.getTypeOfSymbolAtLocation(symbol, declaration), path, false, 0)
    }
    if ((symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) !== 0) {
      walk(checker.getDeclaredTypeOfSymbol(symbol), path, false, 0)
    }
  }

  const problems: Array<string> = []
  for (const { symbol, via, errorChannel } of found.values()) {
    const paths = importable.get(symbol) ?? []
    const where = `${symbol.name} (${
      Path.relative(ROOT, symbol.declarations![0]!.getSourceFile().fileName)
    }, shown by ${via})`
    if (paths.length === 0) problems.push(`not importable: ${where}`)
    else if (errorChannel && !paths.some((p) => !p.split(":")[1]!.includes("."))) {
      problems.push(`error union not exported by name: ${where}, only as ${paths.join(", ")}`)
    }
  }
  return { problems, count: found.size, importable }
}
