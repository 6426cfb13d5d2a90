/**
 * descope-effect/next: Descope sessions for Next.js route handlers and
 * middleware, written against the web `Request` / `Response` (a `NextRequest`
 * is a `Request`), with no Node-only import on this path (Edge runtime).
 *
 * - `withDescope(descope, handler, options)`: a route handler that runs
 *   `handler(request, { session, params })` when the request is
 *   authenticated, answers 401 / 403 / 503 itself (the JSON bodies of the
 *   `HttpApi` middleware), and sets the rotated cookies of a refresh on the
 *   handler's response (but for a cookie of the same name the handler's
 *   response sets itself, e.g. on logout: the handler's is left). Next's
 *   `params` (a Promise since Next 15) feed `{ path: "tenantId" }` tenants.
 * - `authenticate(descope, request, options)`: for `middleware.ts`: a
 *   `Response` to return, or the session, the rotated cookies to set on the
 *   response with `response.cookies.set(cookie)`, and the request headers
 *   carrying them to hand on with
 *   `NextResponse.next({ request: { headers: auth.requestHeaders } })`, so
 *   that the route handler behind the middleware (a `withDescope` one) reads
 *   the rotated session instead of refreshing a second time.
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

import * as PlatformCookies from "@effect/platform/Cookies"
import * as Duration from "effect/Duration"
import * as Either from "effect/Either"
import * as Redacted from "effect/Redacted"
import type { Session } from "../core/Session.js"
import * as Answers from "../server/Answers.js"
import type { Authenticated, RequestOptions } from "../server/RequestAuth.js"
import * as RequestTokens from "../server/RequestTokens.js"
import { type Authenticator, decide, refreshCookiesFor } from "./shared.js"

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
 * A rotated cookie in the shape of Next's `ResponseCookie`, for
 * `NextResponse.cookies.set(cookie)` (`maxAge` in seconds).
 *
 * @since 0.2.0
 * @category models
 */
export interface NextCookie {
  readonly name: string
  readonly value: string
  readonly path?: string
  readonly domain?: string
  readonly expires?: Date
  readonly maxAge?: number
  readonly httpOnly?: boolean
  readonly secure?: boolean
  readonly sameSite?: "lax" | "strict" | "none"
  readonly priority?: "low" | "medium" | "high"
  readonly partitioned?: boolean
}

/** Cookies as Next cookies (one that is no valid cookie is left out, as by `Answers.setCookieHeaders`). */
const nextCookies = (cookies: ReadonlyArray<Answers.ResponseCookie>): Array<NextCookie> =>
  cookies.flatMap((cookie) =>
    Either.match(PlatformCookies.makeCookie(cookie.name, Redacted.value(cookie.value), cookie.options), {
      onLeft: () => [],
      onRight: ({ name, options = {}, value }) => {
        const { domain, expires, httpOnly, maxAge, partitioned, path, priority, sameSite, secure } = options
        return [{
          name,
          value,
          ...(path !== undefined ? { path } : {}),
          ...(domain !== undefined ? { domain } : {}),
          ...(expires !== undefined ? { expires } : {}),
          ...(maxAge !== undefined ? { maxAge: Math.trunc(Duration.toSeconds(maxAge)) } : {}),
          ...(httpOnly !== undefined ? { httpOnly } : {}),
          ...(secure !== undefined ? { secure } : {}),
          ...(sameSite !== undefined ? { sameSite } : {}),
          ...(priority !== undefined ? { priority } : {}),
          ...(partitioned !== undefined ? { partitioned } : {})
        }]
      }
    })
  )

/**
 * Authenticates a request for `middleware.ts`: `{ response }` to return as
 * is, or `{ session, cookies, requestHeaders }` to continue with:
 * `NextResponse.next({ request: { headers: requestHeaders } })`, and each of
 * `cookies` set on it with `response.cookies.set(cookie)`. `requestHeaders`
 * are the request's headers with the `Cookie` header rewritten to carry the
 * rotated `DS` / `DSR` values of a refresh (the other cookies kept; an
 * unchanged copy when there was no refresh): handed on by Next to the route
 * handler, a `withDescope` one behind the middleware finds the fresh session
 * and does not refresh a second time with the old refresh token (which the
 * rotation may have revoked). (In its cookie jar, a rotated cookie is seen by
 * `response.cookies.get` and kept by a later `response.cookies.set(...)`.
 * `setCookies`, the same cookies as `Set-Cookie` values, are for a plain
 * `Response`: appended to the headers of a `NextResponse`, its jar does not
 * hold them, and its next `cookies.set` drops them.)
 *
 * @example
 * ```ts
 * import { createDescope } from "descope-effect/promise"
 * import { authenticate, type NextCookie } from "descope-effect/next"
 * // in an app: import { NextResponse, type NextRequest } from "next/server"
 * declare const NextResponse: {
 *   next: (init?: { request?: { headers?: Headers } }) => Response & { cookies: { set: (cookie: NextCookie) => unknown } }
 * }
 * type NextRequest = Request
 *
 * const descope = createDescope({ projectId: "P2abc" })
 *
 * // middleware.ts
 * export async function middleware(request: NextRequest) {
 *   const auth = await authenticate(descope, request, { refresh: true })
 *   if ("response" in auth) return auth.response
 *   // the route handler reads the rotated session (no second refresh)
 *   const response = NextResponse.next({ request: { headers: auth.requestHeaders } })
 *   // the browser gets the rotated cookies
 *   for (const cookie of auth.cookies) response.cookies.set(cookie)
 *   return response
 * }
 * ```
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
  | {
    readonly session: Session
    readonly authentication: Authenticated
    readonly cookies: ReadonlyArray<NextCookie>
    readonly setCookies: ReadonlyArray<string>
    readonly requestHeaders: Headers
  }
> => {
  const decision = await decide(descope, request, options)
  return decision._tag === "Respond"
    ? { response: Answers.toWebResponse(decision.answer) }
    : {
      session: decision.result.session,
      authentication: decision.result,
      cookies: nextCookies(decision.result.cookies),
      setCookies: decision.setCookies,
      requestHeaders: RequestTokens.headersWithCookies(request.headers, decision.result.cookies)
    }
}

/**
 * Wraps a route handler: see the module doc. The handler gets the request
 * Next passes (type it `NextRequest` for `request.nextUrl` and
 * `request.cookies`).
 *
 * @since 0.2.0
 * @category middleware
 */
export const withDescope = <R extends Request = Request>(
  descope: Authenticator,
  handler: (request: R, context: DescopeContext) => Response | Promise<Response>,
  options: RequestOptions = {}
) =>
async (request: R, context: RouteContext = {}): Promise<Response> => {
  const params = stringParams((await context.params) ?? {})
  const decision = await decide(descope, request, { ...options, params: options.params ?? params })
  if (decision._tag === "Respond") return Answers.toWebResponse(decision.answer)
  const response = await handler(request, { session: decision.result.session, authentication: decision.result, params })
  // a cookie the handler set itself (a sign-out) is left as it set it
  const setCookies = refreshCookiesFor(decision.setCookies, response.headers.getSetCookie())
  if (setCookies.length === 0) return response
  // a Response from fetch() has immutable headers: copy into a new one
  const headers = new Headers(response.headers)
  for (const cookie of setCookies) headers.append("set-cookie", cookie)
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
