/**
 * The emulator's IP and text lists (`src/wire/mgmt/List.ts`), kept per
 * project: names are unique, an `ips` list holds only addresses and CIDR
 * ranges (anything else is a 400), and `checkIP` evaluates the ranges
 * (`internal/cidr.ts`): an address is in the list when an entry contains it.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Cidr from "../../internal/cidr.js"
import * as Wire from "../../wire/mgmt/List.js"
import type { ProjectState } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId } from "../Ids.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"
import { perProject } from "./AreaState.js"

/**
 * The kinds of list: node-sdk's doc names `ip` / `text`, python-sdk's `ips` / `texts` / `json`.
 *
 * @since 0.2.0
 * @category models
 */
export type Kind = "ips" | "texts" | "json"

const kinds: Readonly<Record<string, Kind>> = { ips: "ips", ip: "ips", texts: "texts", text: "texts", json: "json" }

/**
 * A stored list.
 *
 * @since 0.2.0
 * @category models
 */
export interface ListRecord {
  readonly id: string
  name: string
  description: string
  /** The type as sent. */
  type: string
  kind: Kind
  /** The entries of an `ips` / `texts` list, the object of a `json` list. */
  data: Array<string> | Readonly<Record<string, unknown>>
}

/**
 * The lists of a project, by id (created empty on first use, and after a reset).
 *
 * @since 0.2.0
 * @category queries
 */
export const listsOf: (p: ProjectState) => Map<string, ListRecord> = perProject((): Map<string, ListRecord> =>
  new Map()
)

const render = (l: ListRecord): Wire.List => ({
  id: l.id,
  name: l.name,
  description: l.description,
  type: l.type,
  data: Array.isArray(l.data) ? [...l.data] : { ...l.data }
})

const kindOf = (type: string | null | undefined): Effect.Effect<Kind, WireError> => {
  const kind = type === undefined || type === null ? undefined : kinds[type]
  return kind === undefined
    ? W.invalid(`list type must be "ips", "texts" or "json", not "${type ?? ""}"`)
    : Effect.succeed(kind)
}

const entries = (kind: "ips" | "texts", field: string, values: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const out: Array<string> = []
    for (const raw of values) {
      const v = raw.trim()
      if (v === "") return yield* W.invalid(`${field}: an empty entry`)
      if (kind === "ips" && !Cidr.isEntry(v)) return yield* W.invalid(`${field}: "${v}" is not an IP address or range`)
      if (!out.includes(v)) out.push(v)
    }
    return out
  })

const dataOf = (kind: Kind, data: unknown): Effect.Effect<ListRecord["data"], WireError> => {
  if (kind === "json") {
    if (data === undefined || data === null) return Effect.succeed({})
    return W.isObject(data) ? Effect.succeed({ ...data }) : W.invalid("data of a json list must be an object")
  }
  if (data === undefined || data === null) return Effect.succeed([])
  if (!Array.isArray(data) || data.some((d) => typeof d !== "string")) {
    return W.invalid(`data of an ${kind} list must be a list of strings`)
  }
  return entries(kind, "data", data as ReadonlyArray<string>)
}

const nameTaken = (lists: Map<string, ListRecord>, name: string, id: string | undefined) =>
  [...lists.values()].some((l) => l.name === name && l.id !== id)
    ? fail(409, Codes.InvalidRequest, "List already exists", `a list named "${name}" already exists`)
    : Effect.void

interface Fields {
  readonly name?: string | null | undefined
  readonly description?: string | null | undefined
  readonly type?: string | null | undefined
  readonly data?: unknown
}

/** Creates the list, or replaces every field of the list of `id`. */
const save = (ctx: Ctx, id: string | undefined, b: Fields): Effect.Effect<ListRecord, WireError> =>
  Effect.gen(function*() {
    const lists = listsOf(ctx.p)
    const name = b.name ?? ""
    if (name.trim() === "") return yield* W.missing("name")
    const kind = yield* kindOf(b.type)
    const data = yield* dataOf(kind, b.data)
    yield* nameTaken(lists, name, id)
    const record: ListRecord = {
      id: id ?? newId("LI"),
      name,
      description: b.description ?? "",
      type: b.type!,
      kind,
      data
    }
    lists.set(record.id, record)
    return record
  })

const find = (ctx: Ctx, id: string): Effect.Effect<ListRecord, WireError> => {
  const l = listsOf(ctx.p).get(id)
  return l === undefined ? W.notFound(`list ${id}`) : Effect.succeed(l)
}

const findByName = (ctx: Ctx, name: string): Effect.Effect<ListRecord, WireError> => {
  const l = [...listsOf(ctx.p).values()].find((x) => x.name === name)
  return l === undefined ? W.notFound(`list "${name}"`) : Effect.succeed(l)
}

/** The entries of a list of `kind` (a 400 for a list of another kind). */
const entriesOf = (ctx: Ctx, id: string, kind: "ips" | "texts") =>
  Effect.flatMap(find(ctx, id), (l) =>
    l.kind === kind && Array.isArray(l.data)
      ? Effect.succeed({ list: l, data: l.data as Array<string> })
      : W.invalid(`list ${id} is a ${l.kind} list, not an ${kind} list`))

const add = (ctx: Ctx, id: string, kind: "ips" | "texts", values: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    const { data, list } = yield* entriesOf(ctx, id, kind)
    const more = yield* entries(kind, kind, values)
    list.data = [...data, ...more.filter((v) => !data.includes(v))]
    return {}
  })

const remove = (ctx: Ctx, id: string, kind: "ips" | "texts", values: ReadonlyArray<string>) =>
  Effect.map(entriesOf(ctx, id, kind), ({ data, list }) => {
    const gone = new Set(values.map((v) => v.trim()))
    list.data = data.filter((v) => !gone.has(v))
    return {}
  })

/**
 * The list routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.create, (ctx, b) => Effect.map(save(ctx, undefined, b), (l) => ({ list: render(l) }))),
  H.endpoint(
    Wire.update,
    (ctx, b) => Effect.flatMap(find(ctx, b.id), (l) => Effect.map(save(ctx, l.id, b), (x) => ({ list: render(x) })))
  ),
  H.endpoint(Wire.delete, (ctx, b) => Effect.map(find(ctx, b.id), (l) => (listsOf(ctx.p).delete(l.id), {}))),
  H.endpoint(Wire.load, (ctx) => Effect.map(find(ctx, ctx.params["id"] ?? ""), (l) => ({ list: render(l) }))),
  H.endpoint(Wire.loadByQuery, (ctx, q) => Effect.map(find(ctx, q.id), (l) => ({ list: render(l) }))),
  H.endpoint(
    Wire.loadByName,
    (ctx) => Effect.map(findByName(ctx, ctx.params["name"] ?? ""), (l) => ({ list: render(l) }))
  ),
  H.endpoint(Wire.loadByNameQuery, (ctx, q) => Effect.map(findByName(ctx, q.name), (l) => ({ list: render(l) }))),
  H.endpoint(Wire.loadAll, (ctx) => Effect.succeed({ lists: [...listsOf(ctx.p).values()].map(render) })),
  H.endpoint(Wire.importLists, (ctx, b) =>
    Effect.as(
      Effect.forEach(
        b.lists,
        (l) => save(ctx, l.id === undefined || l.id === null || l.id === "" ? undefined : l.id, l)
      ),
      {}
    )),
  H.endpoint(Wire.addIPs, (ctx, b) => add(ctx, b.id, "ips", b.ips)),
  H.endpoint(Wire.removeIPs, (ctx, b) => remove(ctx, b.id, "ips", b.ips)),
  H.endpoint(
    Wire.checkIP,
    (ctx, b) =>
      Effect.flatMap(entriesOf(ctx, b.id, "ips"), ({ data }) =>
        Cidr.parseAddress(b.ip) === undefined
          ? W.invalid(`"${b.ip}" is not an IP address`)
          : Effect.succeed({ exists: Cidr.inList(data, b.ip) }))
  ),
  H.endpoint(Wire.addTexts, (ctx, b) => add(ctx, b.id, "texts", b.texts)),
  H.endpoint(Wire.removeTexts, (ctx, b) => remove(ctx, b.id, "texts", b.texts)),
  H.endpoint(
    Wire.checkText,
    (ctx, b) => Effect.map(entriesOf(ctx, b.id, "texts"), ({ data }) => ({ exists: data.includes(b.text) }))
  ),
  H.endpoint(Wire.clear, (ctx, b) =>
    Effect.map(find(ctx, b.id), (l) => {
      l.data = l.kind === "json" ? {} : []
      return {}
    }))
]
