/**
 * descope-effect/next: Descope sessions for Next.js route handlers and
 * middleware, written against the web `Request` / `Response` (a `NextRequest`
 * is a `Request`), with no Node-only import on this path (Edge runtime).
 *
 * - `withDescope(descope, handler, options)`: a route handler that runs
 *   `handler(request, { session, params })` when the request is
 *   authenticated, answers 401 / 403 / 503 itself (the JSON bodies of the
 *   `HttpApi` middleware), and sets the rotated cookies of a refresh on the
 *   handler's response. Next's `params` (a Promise since Next 15) feed
 *   `{ path: "tenantId" }` tenants.
 * - `authenticate(descope, request, options)`: for `middleware.ts`: a
 *   `Response` to return, or the session and the `Set-Cookie` values to put on
 *   `NextResponse.next()`.
 *
 * @example
 * ```ts
 * import { createDescope } from "descope-effect/promise"
 * import { withDescope } from "descope-effect/next"
 *
 * const descope = createDescope({ projectId: "P2abc" })
 *
 * // app/api/me/route.ts
 * export const GET = withDescope(descope, (_request, { session }) => Response.json({ userId: session.userId }), {
 *   refresh: true
 * })
 * ```
 *
 * @since 0.2.0
 */

// first: an unsupported `effect` fails here, with one sentence naming the versions
import "../internal/effectVersion.js"

import type { Session } from "../core/Session.js"
import * as Answers from "../server/Answers.js"
import type { Authenticated, RequestOptions } from "../server/RequestAuth.js"
import { type Authenticator, decide } from "./shared.js"

/**
 * The route context Next passes to a handler (`params` is a Promise since Next 15).
 *
 * @since 0.2.0
 * @category models
 */
export interface RouteContext {
  readonly params?:
    | Promise<Readonly<Record<string, string | ReadonlyArray<string> | undefined>>>
    | Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
    | undefined
}

/**
 * What an authenticated handler receives besides the request.
 *
 * @since 0.2.0
 * @category models
 */
export interface DescopeContext {
  readonly session: Session
  readonly authentication: Authenticated
  readonly params: Readonly<Record<string, string | undefined>>
}

const stringParams = (
  params: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? v : v?.join("/")]))

/**
 * Authenticates a request for `middleware.ts`: `{ response }` to return as
 * is, or `{ session, setCookies }` to continue with (append `setCookies` to
 * the `set-cookie` header of `NextResponse.next()`).
 *
 * @since 0.2.0
 * @category middleware
 */
export const authenticate = async (
  descope: Authenticator,
  request: Request,
  options: RequestOptions = {}
): Promise<
  | { readonly response: Response }
  | { readonly session: Session; readonly authentication: Authenticated; readonly setCookies: ReadonlyArray<string> }
> => {
  const decision = await decide(descope, request, options)
  return decision._tag === "Respond"
    ? { response: Answers.toWebResponse(decision.answer) }
    : { session: decision.result.session, authentication: decision.result, setCookies: decision.setCookies }
}

/**
 * Wraps a route handler: see the module doc.
 *
 * @since 0.2.0
 * @category middleware
 */
export const withDescope = (
  descope: Authenticator,
  handler: (request: Request, context: DescopeContext) => Response | Promise<Response>,
  options: RequestOptions = {}
) =>
async (request: Request, context: RouteContext = {}): Promise<Response> => {
  const params = stringParams((await context.params) ?? {})
  const decision = await decide(descope, request, { ...options, params: options.params ?? params })
  if (decision._tag === "Respond") return Answers.toWebResponse(decision.answer)
  const response = await handler(request, { session: decision.result.session, authentication: decision.result, params })
  if (decision.setCookies.length === 0) return response
  // a Response from fetch() has immutable headers: copy into a new one
  const headers = new Headers(response.headers)
  for (const cookie of decision.setCookies) headers.append("set-cookie", cookie)
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
}

/** @since 0.2.0 */
export type { Authenticator } from "./shared.js"
/**
 * The OAuth protected resource metadata (RFC 9728) for MCP servers, importable on the Edge path.
 *
 * @since 0.2.0
 */
export * as ProtectedResource from "../server/ProtectedResource.js"
