/**
 * The pieces shared by the emulator's route handlers: the resolved
 * configuration, the environment (projects, clock, faults), the per-request
 * context and the route table entry.
 *
 * @since 0.1.0
 */
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import type * as Effect from "effect/Effect"
import type * as Ref from "effect/Ref"
import type { Algorithm } from "./EmulatorKeys.js"
import type { ProjectState } from "./EmulatorState.js"
import type { Fault } from "./Faults.js"
import type * as Password from "./Password.js"
import type { Json, WireError } from "./Wire.js"

/**
 * The resolved configuration (all durations in milliseconds).
 *
 * @since 0.1.0
 * @category models
 */
export interface Config {
  readonly algorithm: Algorithm
  readonly sessionTtlMs: number
  readonly refreshTtlMs: number
  readonly otpTtlMs: number
  readonly otpMaxAttempts: number
  readonly linkTtlMs: number
  readonly accessKeySessionTtlMs: number
  readonly issuerPrefix: string | undefined
  readonly defaultRedirectUrl: string
  readonly rateLimit: { readonly requests: number; readonly windowMs: number } | undefined
  readonly passwordPolicy: Password.Policy
  readonly totpIssuer: string
  readonly historyLimit: number
  readonly refreshTokenDelivery: "body" | "cookie" | "both"
}

/**
 * Everything a handler may use besides its request.
 *
 * @since 0.1.0
 * @category models
 */
export interface Env {
  readonly config: Config
  readonly projects: Map<string, ProjectState>
  readonly defaultProjectId: string
  /** Emulator time, epoch milliseconds (the captured `Clock` plus the advanced offset). */
  readonly now: Effect.Effect<number>
  readonly offset: Ref.Ref<number>
  readonly faults: Ref.Ref<ReadonlyArray<Fault>>
  readonly sleep: (millis: number) => Effect.Effect<void>
  readonly addProject: (projectId: string, managementKey: string | undefined) => Effect.Effect<ProjectState>
  readonly resetProject: (projectId: string) => Effect.Effect<void>
}

/**
 * The context of one request.
 *
 * @since 0.1.0
 * @category models
 */
export interface Ctx {
  readonly env: Env
  readonly p: ProjectState
  /** The JSON body when it is an object (`{}` otherwise); `null` members removed. */
  readonly body: Json
  /** The JSON body as sent (after `null` removal), e.g. a top-level array. */
  readonly raw: unknown
  readonly query: Readonly<Record<string, string>>
  readonly params: Readonly<Record<string, string | undefined>>
  /** The `Authorization` segment after the project id (a JWT, an access key or a management key). */
  readonly token: string | undefined
  /** Emulator time of the request, epoch milliseconds. */
  readonly now: number
  /** `http://<host>` of the request: the emulator's own base URL. */
  readonly baseUrl: string
  readonly method: string
  readonly path: string
  readonly remoteAddress: string
}

/**
 * What a handler answers: a JSON-able value (rendered with 200) or a ready response.
 *
 * @since 0.1.0
 * @category models
 */
export type Answer = unknown | HttpServerResponse.HttpServerResponse

/**
 * A handler.
 *
 * @since 0.1.0
 * @category models
 */
export type Handler = (ctx: Ctx) => Effect.Effect<Answer, WireError>

/**
 * How a route authenticates:
 * - `auth`: project from `Authorization` part 0 (or `x-descope-project-id`);
 * - `mgmt`: as `auth`, and part 1 must be a management key of the project;
 * - `public`: project from the `projectId` path parameter;
 * - `control`: emulator-only; project from `?projectId=` or the default.
 *
 * @since 0.1.0
 * @category models
 */
export type Access = "auth" | "mgmt" | "public" | "control"

/**
 * One route of the table.
 *
 * @since 0.1.0
 * @category models
 */
export interface Route {
  readonly method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE"
  readonly path: string
  readonly access: Access
  readonly handler: Handler
  /** Run without the project lock (e.g. handlers that only sleep or read). */
  readonly unlocked?: boolean | undefined
}

/**
 * Route constructors.
 *
 * @since 0.1.0
 * @category constructors
 */
export const post = (path: string, access: Access, handler: Handler): Route => ({ method: "POST", path, access, handler })

/**
 * @since 0.1.0
 * @category constructors
 */
export const get = (path: string, access: Access, handler: Handler): Route => ({ method: "GET", path, access, handler })

/**
 * @since 0.1.0
 * @category constructors
 */
export const del = (path: string, access: Access, handler: Handler): Route => ({ method: "DELETE", path, access, handler })

/**
 * @since 0.1.0
 * @category constructors
 */
export const patch = (path: string, access: Access, handler: Handler): Route => ({ method: "PATCH", path, access, handler })
