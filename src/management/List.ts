/**
 * `client.mgmt.list`: IP and text allow / deny lists (node-sdk's
 * `management.list`). An `ips` list holds addresses and CIDR ranges; `checkIP`
 * asks Descope whether an address is in one of them.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty, nonEmptyBatch, nonEmptyList } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/List.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * A list.
 *
 * @since 0.2.0
 * @category schemas
 */
export const List = Wire.List

/**
 * @since 0.2.0
 * @category models
 */
export type List = Wire.List

/**
 * A list to create, or what replaces a list's fields: `type` is `ips`,
 * `texts` or `json`; `data` the entries (`ips` / `texts`) or an object (`json`).
 *
 * @since 0.2.0
 * @category models
 */
export type ListRequest = Wire.ListRequest

/**
 * `client.mgmt.list`.
 *
 * @since 0.2.0
 * @category models
 */
export interface ListApi {
  /** Creates a list; answers it (with its id). */
  readonly create: (request: ListRequest) => Effect.Effect<List, ManagementError>
  /** Replaces every field of a list. */
  readonly update: (id: string, request: ListRequest) => Effect.Effect<List, ManagementError>
  /** Deletes a list. */
  readonly delete: (id: string) => Effect.Effect<void, ManagementError>
  /** Loads a list by id. */
  readonly load: (id: string) => Effect.Effect<List, ManagementError>
  /** Loads a list by name. */
  readonly loadByName: (name: string) => Effect.Effect<List, ManagementError>
  /** Loads every list of the project. */
  readonly loadAll: () => Effect.Effect<ReadonlyArray<List>, ManagementError>
  /** Imports lists: each is created, or replaces the list of its id. */
  readonly import: (lists: ReadonlyArray<List>) => Effect.Effect<void, ManagementError>
  /** Adds addresses and CIDR ranges to an `ips` list (duplicates ignored). */
  readonly addIPs: (id: string, ips: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Removes entries from an `ips` list (absent ones ignored). */
  readonly removeIPs: (id: string, ips: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Whether an address is in an `ips` list: one of its addresses, or in one of its ranges. */
  readonly checkIP: (id: string, ip: string) => Effect.Effect<boolean, ManagementError>
  /** Adds texts to a `texts` list (duplicates ignored). */
  readonly addTexts: (id: string, texts: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Removes texts from a `texts` list (absent ones ignored). */
  readonly removeTexts: (id: string, texts: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Whether a text is in a `texts` list. */
  readonly checkText: (id: string, text: string) => Effect.Effect<boolean, ManagementError>
  /** Empties a list's data (its name, description and type are kept). */
  readonly clear: (id: string) => Effect.Effect<void, ManagementError>
}

/**
 * Builds `client.mgmt.list`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): ListApi => {
  const request = (r: ListRequest) => [nonEmpty("name", r.name), nonEmpty("type", r.type)]
  const list = (r: { readonly list: List }) => r.list
  const exists = (r: { readonly exists?: boolean | null | undefined }) => r.exists === true
  return {
    create: (r) => checked(request(r), Effect.map(mgmt.call(Wire.create, { request: r }), list)),
    update: (id, r) =>
      checked(
        [nonEmpty("id", id), ...request(r)],
        Effect.map(mgmt.call(Wire.update, { request: { id, ...r } }), list)
      ),
    delete: (id) => checked([nonEmpty("id", id)], Effect.asVoid(mgmt.call(Wire.delete, { request: { id } }))),
    load: (id) => checked([nonEmpty("id", id)], Effect.map(mgmt.call(Wire.load, { path: { id } }), list)),
    loadByName: (name) =>
      checked([nonEmpty("name", name)], Effect.map(mgmt.call(Wire.loadByName, { path: { name } }), list)),
    loadAll: () => Effect.map(mgmt.call(Wire.loadAll, {}), (r) => r.lists ?? []),
    import: (lists) =>
      checked([nonEmptyBatch("lists", lists)], Effect.asVoid(mgmt.call(Wire.importLists, { request: { lists } }))),
    addIPs: (id, ips) =>
      checked(
        [nonEmpty("id", id), nonEmptyList("ips", ips)],
        Effect.asVoid(mgmt.call(Wire.addIPs, { request: { id, ips } }))
      ),
    removeIPs: (id, ips) =>
      checked(
        [nonEmpty("id", id), nonEmptyList("ips", ips)],
        Effect.asVoid(mgmt.call(Wire.removeIPs, { request: { id, ips } }))
      ),
    checkIP: (id, ip) =>
      checked(
        [nonEmpty("id", id), nonEmpty("ip", ip)],
        Effect.map(mgmt.call(Wire.checkIP, { request: { id, ip } }), exists)
      ),
    addTexts: (id, texts) =>
      checked(
        [nonEmpty("id", id), nonEmptyList("texts", texts)],
        Effect.asVoid(mgmt.call(Wire.addTexts, { request: { id, texts } }))
      ),
    removeTexts: (id, texts) =>
      checked(
        [nonEmpty("id", id), nonEmptyList("texts", texts)],
        Effect.asVoid(mgmt.call(Wire.removeTexts, { request: { id, texts } }))
      ),
    checkText: (id, text) =>
      checked(
        [nonEmpty("id", id), nonEmpty("text", text)],
        Effect.map(mgmt.call(Wire.checkText, { request: { id, text } }), exists)
      ),
    clear: (id) => checked([nonEmpty("id", id)], Effect.asVoid(mgmt.call(Wire.clear, { request: { id } })))
  }
}
