/**
 * Generates docs/COVERAGE.md: every endpoint the official node, python and go
 * SDKs call (docs/inventory/descope-endpoints.tsv), with whether the client
 * (the wire catalogue, src/wire) and the emulator (its route table) have it.
 *
 *   npm run coverage          # rewrites docs/COVERAGE.md
 *
 * test/wire-catalogue.test.ts checks that the file is up to date.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import * as Routes from "../src/emulator/Routes.js"
import * as Wire from "../src/wire/index.js"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/** The output file. */
export const coverageFile = path.join(root, "docs", "COVERAGE.md")

interface Row {
  readonly method: string
  readonly path: string
  readonly area: string
  readonly node: string
  readonly python: string
  readonly go: string
}

/** The inventory rows. */
export const inventory = (): ReadonlyArray<Row> => {
  const [header, ...lines] = fs.readFileSync(path.join(root, "docs", "inventory", "descope-endpoints.tsv"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
  const columns = header!.split("\t")
  return lines.map((line) => {
    const cells = line.split("\t")
    const get = (name: string) => cells[columns.indexOf(name)] ?? "-"
    return {
      method: get("method"),
      path: get("path"),
      area: get("area"),
      node: get("node"),
      python: get("python"),
      go: get("go")
    }
  })
}

/** `METHOD /path/{}`: a path with its parameter names erased (`{x}` and `:x` alike). */
export const keyOf = (method: string, p: string): string =>
  `${method} ${p.replace(/\{[^}]+\}/g, "{}").replace(/:[A-Za-z0-9_]+/g, "{}")}`

/**
 * Whether a template (`{}` for a parameter) covers an inventory row's key: the
 * same method and segments, where a parameter segment also covers a literal
 * one (a route `/signin/{}` serves the inventory's `/signin/email`).
 */
const covers = (template: string, row: string): boolean => {
  if (template === row) return true
  const a = template.split(/[ /]/)
  const b = row.split(/[ /]/)
  return a.length === b.length && a.every((seg, i) => seg === b[i] || (seg === "{}" && i > 0))
}

const lookup = <A>(table: ReadonlyArray<readonly [string, A]>, key: string): A | undefined =>
  table.find(([t]) => t === key)?.[1] ?? table.find(([t]) => covers(t, key))?.[1]

/**
 * Catalogued endpoints that no client operation calls (the emulator serves them): older paths kept for older
 * SDKs, and other SDKs' forms of an operation the client calls with node-sdk's wire (node-sdk's wins where the
 * SDKs differ). `instead` is the client's operation; test/wire-rows-complete.test.ts reads this list too.
 */
export const NOT_CALLED_BY_THE_CLIENT: Readonly<Record<string, { readonly instead: string; readonly reason: string }>> =
  {
    "mgmt.user.searchV1": {
      instead: "mgmt.user.search",
      reason: "the older user search; the client searches with POST /v2/mgmt/user/search"
    },
    "mgmt.user.addRolesV1": {
      instead: "mgmt.user.addRoles",
      reason: "the older role grant; the client grants roles with POST /v2/mgmt/user/update/role/add"
    },
    "session.tryRefresh": {
      instead: "session.refresh",
      reason:
        "the emulator serves it for the web SDKs (it answers {} where /v1/auth/refresh answers 401); the client refreshes with POST /v1/auth/refresh"
    },
    "mgmt.list.loadByQuery": {
      instead: "mgmt.list.load",
      reason: "python-sdk's load (the id in the query); the client loads with node-sdk's GET /v1/mgmt/list/{id}"
    },
    "mgmt.list.loadByNameQuery": {
      instead: "mgmt.list.loadByName",
      reason:
        "python-sdk's load_by_name (the name in the query); the client calls node-sdk's GET /v1/mgmt/list/name/{name}"
    },
    "jwks.fetchV1": {
      instead: "jwks.fetch",
      reason: "the older signing-key path; the client fetches the keys from GET /v2/keys/{projectId}"
    }
  }

/** The endpoints the client calls (key, operation name). */
export const clientTable = (): ReadonlyArray<readonly [string, string]> =>
  Wire.all.filter((e) => NOT_CALLED_BY_THE_CLIENT[e.name] === undefined).map((e) =>
    [keyOf(e.method, e.path), e.name] as const
  )

/** The catalogued endpoints the client does not call (key, the operation it calls instead). */
const insteadTable = (): ReadonlyArray<readonly [string, string]> =>
  Wire.all.flatMap((e) => {
    const not = NOT_CALLED_BY_THE_CLIENT[e.name]
    return not === undefined ? [] : [[keyOf(e.method, e.path), not.instead] as const]
  })

/** The endpoints the emulator serves for real (not a 501 stub). */
export const emulatorTable = (): ReadonlyArray<readonly [string, true]> =>
  Routes.all.filter((r) => r.stub !== true).map((r) => [keyOf(r.method, r.path), true] as const)

const pct = (n: number, of: number) => `${n}/${of} (${of === 0 ? 100 : Math.floor((n * 1000) / of) / 10}%)`

/** The Markdown of docs/COVERAGE.md. */
export const render = (): string => {
  const rows = inventory()
  const client = clientTable()
  const insteads = insteadTable()
  const emulator = emulatorTable()
  // the client's operation for a row: an exact path first (the client's, then another SDK's form the client
  // calls node-sdk's way instead), then a template covering the path
  const clientOf = (r: Row): { readonly name?: string | undefined; readonly instead?: string | undefined } => {
    const key = keyOf(r.method, r.path)
    const exact = client.find(([t]) => t === key)?.[1]
    if (exact !== undefined) return { name: exact }
    const exactInstead = insteads.find(([t]) => t === key)?.[1]
    if (exactInstead !== undefined) return { instead: exactInstead }
    const name = lookup(client, key)
    return name !== undefined ? { name } : { instead: lookup(insteads, key) }
  }
  const has = (r: Row) => ({
    c: clientOf(r).name !== undefined,
    e: lookup(emulator, keyOf(r.method, r.path)) !== undefined
  })
  const areas = [...new Set(rows.map((r) => r.area))].sort()
  const out: Array<string> = []
  out.push("# Descope API coverage")
  out.push("")
  out.push("Generated by `npm run coverage` from the wire catalogue (`src/wire`) and the emulator's route table;")
  out.push("`npm test` fails when this file is stale. The rows are every endpoint that the official node, python and")
  out.push("go SDKs call (`docs/inventory/descope-endpoints.tsv`). **Client**: descope-effect calls it (its operation")
  out.push("name is given); `→ op` marks another SDK's form of an operation the client calls with node-sdk's wire")
  out.push("(node-sdk's wins where the SDKs differ). **Emulator**: the emulator serves it with real state.")
  out.push("")
  const total = rows.length
  const nc = rows.filter((r) => has(r).c).length
  const ne = rows.filter((r) => has(r).e).length
  out.push(`**Client ${pct(nc, total)} · Emulator ${pct(ne, total)}**`)
  out.push("")
  out.push("| area | endpoints | client | emulator |")
  out.push("|---|---:|---:|---:|")
  for (const area of areas) {
    const inArea = rows.filter((r) => r.area === area)
    out.push(
      `| ${area} | ${inArea.length} | ${inArea.filter((r) => has(r).c).length} | ${
        inArea.filter((r) => has(r).e).length
      } |`
    )
  }
  out.push("")
  for (const area of areas) {
    out.push(`## ${area}`)
    out.push("")
    out.push("| method | path | client | emulator | node | python | go |")
    out.push("|---|---|---|---|---|---|---|")
    for (const r of rows.filter((x) => x.area === area)) {
      const { instead, name } = clientOf(r)
      const { e } = has(r)
      const code = (s: string) => (s === "-" ? "-" : `\`${s}\``)
      out.push(
        `| ${r.method} | \`${r.path}\` | ${
          name !== undefined ? `✓ \`${name}\`` : instead !== undefined ? `→ \`${instead}\`` : "✗"
        } | ${e ? "✓" : "✗"} | ${code(r.node)} | ${code(r.python)} | ${code(r.go)} |`
      )
    }
    out.push("")
  }
  return out.join("\n")
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(coverageFile, render())
  console.log(`wrote ${path.relative(root, coverageFile)}`)
}
