/**
 * The shape of one Descope endpoint, described once as data: its operation
 * name, method, path (with typed path parameters), the credential it needs,
 * the `Schema` of its request (the JSON body, or the query of a `GET` /
 * `DELETE`), the `Schema` of its 2xx answer, and the rate-limit bucket it
 * belongs to. The client sends with it (`DescopeHttp.call`), the emulator
 * serves it, the tests iterate it and `docs/COVERAGE.md` is generated from it.
 *
 * Describe once, execute elsewhere, as `@effect/sql`'s `Statement` does: an
 * `Endpoint` holds no behaviour. The catalogue's schemas are built on their
 * first use (importing the SDK builds none of them): they behave as the
 * schemas they stand for in every use.
 *
 * @example
 * ```ts
 * import * as Schema from "effect/Schema"
 * import { Endpoint } from "descope-effect"
 *
 * const create = Endpoint.post("mgmt.role.create", "/v1/mgmt/role/create", {
 *   credential: "management",
 *   request: Schema.Struct({ name: Schema.String }),
 *   response: Endpoint.Empty
 * })
 * ```
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"

/**
 * The HTTP methods Descope uses.
 *
 * @since 0.2.0
 * @category models
 */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"

/**
 * What an endpoint authenticates with (`Authorization: Bearer <projectId>[:<secret>]`):
 *
 * - `project`: the project id alone (plus the auth management key when configured);
 * - `refresh`: the project id and the user's refresh token (required);
 * - `optionalRefresh`: the refresh token when one is given (sign-in with `stepup` / `mfa`), else `project`;
 * - `accessKey`: the project id and an access key (required);
 * - `management`: the project id and the management key.
 *
 * @since 0.2.0
 * @category models
 */
export type Credential = "project" | "refresh" | "optionalRefresh" | "accessKey" | "management"

/**
 * The rate-limit buckets Descope counts requests in (docs.descope.com/rate-limiting):
 *
 * - `mgmt.user.create`: `/v1/mgmt/user/create` and `/create/batch`, 100 per 60 s, per project;
 * - `mgmt.user.update`: `/v1/mgmt/user/update`, 200 per 60 s, per project;
 * - `mgmt.user.search`: `/v1/mgmt/user/search` (and `/v2/mgmt/user/search`), 200 per 60 s, per project;
 * - `mgmt`: every other management call, 1000 per 10 s;
 * - `auth`: authentication calls, 1000 per 10 s from a backend.
 *
 * @since 0.2.0
 * @category models
 */
export type Bucket = "auth" | "mgmt" | "mgmt.user.create" | "mgmt.user.update" | "mgmt.user.search"

/**
 * Every bucket, with Descope's published limit: `requests` per `windowMillis`.
 *
 * @since 0.2.0
 * @category constants
 */
export const buckets: Readonly<Record<Bucket, { readonly requests: number; readonly windowMillis: number }>> = {
  auth: { requests: 1000, windowMillis: 10_000 },
  mgmt: { requests: 1000, windowMillis: 10_000 },
  "mgmt.user.create": { requests: 100, windowMillis: 60_000 },
  "mgmt.user.update": { requests: 200, windowMillis: 60_000 },
  "mgmt.user.search": { requests: 200, windowMillis: 60_000 }
}

/**
 * One endpoint.
 *
 * @since 0.2.0
 * @category models
 */
export interface Endpoint<P extends string, Req, ReqI, Res, ResI> {
  readonly _tag: "Endpoint"
  /** The operation name: the span is `descope.<name>`, e.g. `mgmt.role.create`. */
  readonly name: string
  readonly method: Method
  /** The path template, `{name}` for a path parameter, e.g. `/v1/auth/otp/signup/{deliveryMethod}`. */
  readonly path: string
  /** The names of the path parameters, in order. */
  readonly params: ReadonlyArray<P>
  readonly credential: Credential
  /** The request: the JSON body (`POST` / `PUT` / `PATCH`) or the query (`GET` / `DELETE`). */
  readonly request: Schema.Schema<Req, ReqI>
  /** The 2xx answer. */
  readonly response: Schema.Schema<Res, ResI>
  readonly bucket: Bucket
  /** Where the request goes: the body, or the query string. */
  readonly location: "body" | "query"
  /**
   * The request fields sent in the query string of a body request, in this
   * order (OAuth / SAML / SSO start: `provider`, `redirectURL` ... in the
   * query, the login options in the body); empty for most endpoints.
   */
  readonly queryFields: ReadonlyArray<string>
  /** What the endpoint does, in a line (for the coverage table and doc comments). */
  readonly description: string | undefined
  /** The largest answer read (bytes); default: the client's `maxResponseBytes`. */
  readonly maxResponseBytes: number | undefined
}

/**
 * The type parameters of an endpoint.
 *
 * @since 0.2.0
 * @category models
 */
export declare namespace Endpoint {
  /**
   * Any endpoint.
   *
   * @since 0.2.0
   * @category models
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  export type Any = Endpoint<string, any, any, any, any>
  /**
   * The path parameter names.
   *
   * @since 0.2.0
   * @category models
   */
  export type Params<E> = E extends Endpoint<infer P, infer _Req, infer _ReqI, infer _Res, infer _ResI> ? P : never
  /**
   * The request type (what the client hands over, and the emulator's handler receives).
   *
   * @since 0.2.0
   * @category models
   */
  export type Request<E> = E extends Endpoint<infer _P, infer Req, infer _ReqI, infer _Res, infer _ResI> ? Req : never
  /**
   * The answer type (what the client receives, and the emulator's handler returns).
   *
   * @since 0.2.0
   * @category models
   */
  export type Response<E> = E extends Endpoint<infer _P, infer _Req, infer _ReqI, infer Res, infer _ResI> ? Res : never
}

/**
 * The names of the `{...}` parameters of a path template.
 *
 * @since 0.2.0
 * @category models
 */
export type PathParams<Path extends string> = Path extends `${string}{${infer P}}${infer Rest}` ? P | PathParams<Rest>
  : never

/**
 * The options of an endpoint besides its name, method and path.
 *
 * @since 0.2.0
 * @category models
 */
export interface Options<Req, ReqI, Res, ResI> {
  readonly credential: Credential
  /** Default: {@link NoRequest}. */
  readonly request?: Schema.Schema<Req, ReqI> | undefined
  readonly response: Schema.Schema<Res, ResI>
  /** Default: `mgmt` for `management` endpoints, else `auth`. */
  readonly bucket?: Bucket | undefined
  readonly description?: string | undefined
  /** The largest answer read (bytes); default: the client's `maxResponseBytes`. */
  readonly maxResponseBytes?: number | undefined
  /** Request fields of a body request sent in the query string instead (see {@link Endpoint.queryFields}). */
  readonly queryFields?: ReadonlyArray<string> | undefined
}

/**
 * A request without any field.
 *
 * @since 0.2.0
 * @category schemas
 */
export const NoRequest: Schema.Struct<{}> = Schema.Struct({})

/**
 * An answer whose body carries nothing the caller needs (Descope answers `{}`): any JSON is accepted.
 *
 * @since 0.2.0
 * @category schemas
 */
export const Empty: Schema.Schema<unknown> = Schema.Unknown

const paramsOf = (path: string): Array<string> => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)

/**
 * Builds an endpoint.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = <const Path extends string, Req = {}, ReqI = {}, Res = unknown, ResI = unknown>(
  name: string,
  method: Method,
  path: Path,
  options: Options<Req, ReqI, Res, ResI>
): Endpoint<PathParams<Path>, Req, ReqI, Res, ResI> => ({
  _tag: "Endpoint",
  name,
  method,
  path,
  params: paramsOf(path) as Array<PathParams<Path>>,
  credential: options.credential,
  request: (options.request ?? NoRequest) as unknown as Schema.Schema<Req, ReqI>,
  response: options.response,
  bucket: options.bucket ?? (options.credential === "management" ? "mgmt" : "auth"),
  location: method === "GET" || method === "DELETE" ? "query" : "body",
  queryFields: options.queryFields ?? [],
  description: options.description,
  maxResponseBytes: options.maxResponseBytes
})

/**
 * A `POST` endpoint.
 *
 * @since 0.2.0
 * @category constructors
 */
export const post = <const Path extends string, Req = {}, ReqI = {}, Res = unknown, ResI = unknown>(
  name: string,
  path: Path,
  options: Options<Req, ReqI, Res, ResI>
): Endpoint<PathParams<Path>, Req, ReqI, Res, ResI> => make(name, "POST", path, options)

/**
 * A `GET` endpoint (its request is the query string).
 *
 * @since 0.2.0
 * @category constructors
 */
export const get = <const Path extends string, Req = {}, ReqI = {}, Res = unknown, ResI = unknown>(
  name: string,
  path: Path,
  options: Options<Req, ReqI, Res, ResI>
): Endpoint<PathParams<Path>, Req, ReqI, Res, ResI> => make(name, "GET", path, options)

/**
 * A `DELETE` endpoint (its request is the query string).
 *
 * @since 0.2.0
 * @category constructors
 */
export const del = <const Path extends string, Req = {}, ReqI = {}, Res = unknown, ResI = unknown>(
  name: string,
  path: Path,
  options: Options<Req, ReqI, Res, ResI>
): Endpoint<PathParams<Path>, Req, ReqI, Res, ResI> => make(name, "DELETE", path, options)

/**
 * A `PATCH` endpoint.
 *
 * @since 0.2.0
 * @category constructors
 */
export const patch = <const Path extends string, Req = {}, ReqI = {}, Res = unknown, ResI = unknown>(
  name: string,
  path: Path,
  options: Options<Req, ReqI, Res, ResI>
): Endpoint<PathParams<Path>, Req, ReqI, Res, ResI> => make(name, "PATCH", path, options)

/**
 * A `PUT` endpoint.
 *
 * @since 0.2.0
 * @category constructors
 */
export const put = <const Path extends string, Req = {}, ReqI = {}, Res = unknown, ResI = unknown>(
  name: string,
  path: Path,
  options: Options<Req, ReqI, Res, ResI>
): Endpoint<PathParams<Path>, Req, ReqI, Res, ResI> => make(name, "PUT", path, options)

/**
 * The path of a request: the template with each `{name}` replaced by its
 * URI-encoded value. A missing value leaves the segment empty (the server
 * answers it as not found).
 *
 * @since 0.2.0
 * @category rendering
 */
export const pathOf = <E extends Endpoint.Any>(
  endpoint: E,
  values: Readonly<Record<Endpoint.Params<E>, string>> | undefined
): string =>
  endpoint.params.length === 0
    ? endpoint.path
    : endpoint.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = (values as Readonly<Record<string, string>> | undefined)?.[name]
      return value === undefined ? "" : encodeURIComponent(value)
    })

/**
 * The path template in router form (`:name` instead of `{name}`).
 *
 * @since 0.2.0
 * @category rendering
 */
export const routePath = (endpoint: Endpoint.Any): string => endpoint.path.replace(/\{([^}]+)\}/g, ":$1")
