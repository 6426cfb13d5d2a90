/**
 * IP and text allow / deny lists: `/v1/mgmt/list*`. A list has a name
 * (unique in the project), a type (`ips`, `texts` or `json`; node-sdk's doc
 * also says `ip` / `text`) and its data: the entries of an `ips` / `texts`
 * list, an object for `json`. An `ips` list holds addresses and CIDR ranges.
 *
 * node-sdk loads a list by id or name in the path (`/v1/mgmt/list/{id}`,
 * `/v1/mgmt/list/name/{name}`), python-sdk in the query
 * (`/v1/mgmt/list?id=`, `/v1/mgmt/list/name?name=`); both are catalogued,
 * the client sends node-sdk's.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { opt, optional, Strings } from "../Fields.js"

/**
 * A list, as Descope answers it.
 *
 * @since 0.2.0
 * @category schemas
 */
export const List = lazy(() =>
  Schema.Struct({
    id: opt(Schema.String),
    name: opt(Schema.String),
    description: opt(Schema.String),
    type: opt(Schema.String),
    data: optional(Schema.Unknown)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type List = typeof List.Type

/**
 * A list to create, or what replaces a list's fields (node-sdk's `ListRequest`).
 *
 * @since 0.2.0
 * @category schemas
 */
export const ListRequest = lazy(() =>
  Schema.Struct({
    name: Schema.String,
    description: optional(Schema.String),
    type: Schema.String,
    data: optional(Schema.Unknown)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type ListRequest = typeof ListRequest.Type

/**
 * `{ list }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ListResponse = lazy(() => Schema.Struct({ list: List }))

/**
 * `{ lists }`.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ListsResponse = lazy(() => Schema.Struct({ lists: opt(Schema.Array(List)) }))

/**
 * `{ exists }`: the answer of an IP or text check.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ExistsResponse = lazy(() => Schema.Struct({ exists: opt(Schema.Boolean) }))

const ById = lazy(() => Schema.Struct({ id: Schema.String }))

/**
 * `POST /v1/mgmt/list`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const create = Endpoint.post("mgmt.list.create", "/v1/mgmt/list", {
  credential: "management",
  request: ListRequest,
  response: ListResponse,
  description: "Creates a list"
})

/**
 * `POST /v1/mgmt/list/update` (every field replaced).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const update = Endpoint.post("mgmt.list.update", "/v1/mgmt/list/update", {
  credential: "management",
  request: lazy(() => Schema.Struct({ id: Schema.String, ...ListRequest.fields })),
  response: ListResponse,
  description: "Updates a list (every field replaced)"
})

const del = Endpoint.post("mgmt.list.delete", "/v1/mgmt/list/delete", {
  credential: "management",
  request: ById,
  response: Endpoint.Empty,
  description: "Deletes a list"
})

/**
 * `GET /v1/mgmt/list/{id}` (node-sdk).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const load = Endpoint.get("mgmt.list.load", "/v1/mgmt/list/{id}", {
  credential: "management",
  response: ListResponse,
  description: "Loads a list by id"
})

/**
 * `GET /v1/mgmt/list?id=` (python-sdk's form of `load`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadByQuery = Endpoint.get("mgmt.list.loadByQuery", "/v1/mgmt/list", {
  credential: "management",
  request: ById,
  response: ListResponse,
  description: "Loads a list by id (the id in the query)"
})

/**
 * `GET /v1/mgmt/list/name/{name}` (node-sdk).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadByName = Endpoint.get("mgmt.list.loadByName", "/v1/mgmt/list/name/{name}", {
  credential: "management",
  response: ListResponse,
  description: "Loads a list by name"
})

/**
 * `GET /v1/mgmt/list/name?name=` (python-sdk's form of `loadByName`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadByNameQuery = Endpoint.get("mgmt.list.loadByNameQuery", "/v1/mgmt/list/name", {
  credential: "management",
  request: lazy(() => Schema.Struct({ name: Schema.String })),
  response: ListResponse,
  description: "Loads a list by name (the name in the query)"
})

/**
 * `GET /v1/mgmt/list/all`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const loadAll = Endpoint.get("mgmt.list.loadAll", "/v1/mgmt/list/all", {
  credential: "management",
  response: ListsResponse,
  description: "Loads every list"
})

/**
 * `POST /v1/mgmt/list/import`: creates or replaces lists by id.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const importLists = Endpoint.post("mgmt.list.import", "/v1/mgmt/list/import", {
  credential: "management",
  request: lazy(() => Schema.Struct({ lists: Schema.Array(List) })),
  response: Endpoint.Empty,
  description: "Imports lists (created or replaced by id)"
})

const ips = lazy(() => Schema.Struct({ id: Schema.String, ips: Strings }))
const texts = lazy(() => Schema.Struct({ id: Schema.String, texts: Strings }))

/**
 * `POST /v1/mgmt/list/ip/add`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const addIPs = Endpoint.post("mgmt.list.addIPs", "/v1/mgmt/list/ip/add", {
  credential: "management",
  request: ips,
  response: Endpoint.Empty,
  description: "Adds addresses and CIDR ranges to an IP list"
})

/**
 * `POST /v1/mgmt/list/ip/remove`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const removeIPs = Endpoint.post("mgmt.list.removeIPs", "/v1/mgmt/list/ip/remove", {
  credential: "management",
  request: ips,
  response: Endpoint.Empty,
  description: "Removes entries from an IP list"
})

/**
 * `POST /v1/mgmt/list/ip/check`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const checkIP = Endpoint.post("mgmt.list.checkIP", "/v1/mgmt/list/ip/check", {
  credential: "management",
  request: lazy(() => Schema.Struct({ id: Schema.String, ip: Schema.String })),
  response: ExistsResponse,
  description: "Whether an address is in an IP list (in one of its ranges)"
})

/**
 * `POST /v1/mgmt/list/text/add`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const addTexts = Endpoint.post("mgmt.list.addTexts", "/v1/mgmt/list/text/add", {
  credential: "management",
  request: texts,
  response: Endpoint.Empty,
  description: "Adds texts to a text list"
})

/**
 * `POST /v1/mgmt/list/text/remove`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const removeTexts = Endpoint.post("mgmt.list.removeTexts", "/v1/mgmt/list/text/remove", {
  credential: "management",
  request: texts,
  response: Endpoint.Empty,
  description: "Removes texts from a text list"
})

/**
 * `POST /v1/mgmt/list/text/check`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const checkText = Endpoint.post("mgmt.list.checkText", "/v1/mgmt/list/text/check", {
  credential: "management",
  request: lazy(() => Schema.Struct({ id: Schema.String, text: Schema.String })),
  response: ExistsResponse,
  description: "Whether a text is in a text list"
})

/**
 * `POST /v1/mgmt/list/clear`: empties a list's data, keeps its name, description and type.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const clear = Endpoint.post("mgmt.list.clear", "/v1/mgmt/list/clear", {
  credential: "management",
  request: ById,
  response: Endpoint.Empty,
  description: "Empties a list"
})

export {
  /**
   * `POST /v1/mgmt/list/delete`.
   *
   * @since 0.2.0
   * @category endpoints
   */
  del as delete
}
