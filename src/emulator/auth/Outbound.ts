/**
 * The emulator's outbound OAuth connect (`src/wire/auth/Outbound.ts`): a
 * signed-in user asks to connect an outbound application; the answer is the
 * emulated provider's consent URL (`GET /emulator/outbound/authorize`), which
 * stores a token for the user (or, `tenantLevel`, for the tenant) in the
 * application's token store — the one `mgmt.outboundApplication.fetchToken`
 * and its siblings read — and redirects to the application's `redirectUrl`.
 *
 * @since 0.2.0
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/auth/Outbound.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId, newSecret } from "../Ids.js"
import { perProject } from "../mgmt/AreaState.js"
import { findApp, outboundOf } from "../mgmt/OutboundApplication.js"
import * as Tokens from "../Tokens.js"
import * as W from "../Wire.js"
import { Codes, fail } from "../Wire.js"
import { redirectOf, required } from "./Support.js"

const TOKEN_TTL_S = 3600

interface Consent {
  readonly appId: string
  readonly userId: string
  readonly tenantId: string | undefined
  readonly tenantLevel: boolean
  readonly scopes: ReadonlyArray<string>
  readonly redirectUrl: string
  readonly expiresAt: number
}

const consents = perProject(() => new Map<string, Consent>())

const connect = (ctx: Ctx, body: typeof Wire.connect.request.Type) =>
  Effect.gen(function*() {
    const appId = yield* required("appId", body.appId)
    const { session, user } = yield* Tokens.fromRefresh(ctx, ctx.token)
    if (user === undefined) return yield* fail(401, Codes.InvalidToken, "Invalid token", "anonymous session")
    const app = yield* findApp(ctx, appId)
    const tenantLevel = body.tenantLevel === true
    const tenantId = body.tenantId ?? (tenantLevel ? session.dct : undefined)
    if (tenantLevel && (tenantId === undefined || tenantId === "")) return yield* W.missing("tenantId")
    if (tenantId !== undefined && !user.userTenants.some((t) => t.tenantId === tenantId)) {
      return yield* W.invalid(`the user is not a member of tenant ${tenantId}`)
    }
    const state = newSecret(16)
    consents(ctx.p).set(state, {
      appId,
      userId: user.userId,
      tenantId,
      tenantLevel,
      scopes: body.options?.scopes ?? app.app.defaultScopes ?? [],
      redirectUrl: redirectOf(ctx, body.options?.redirectUrl),
      expiresAt: ctx.now + ctx.env.config.linkTtlMs
    })
    return {
      url: `${ctx.baseUrl}/emulator/outbound/authorize?projectId=${encodeURIComponent(ctx.p.projectId)}&state=${state}`
    }
  })

/**
 * `GET /emulator/outbound/authorize?state=`: the emulated provider grants the
 * consent; the token is stored and the user redirected to the application.
 *
 * @since 0.2.0
 * @category routes
 */
export const outboundAuthorize: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const state = ctx.query.state ?? ""
    const consent = consents(ctx.p).get(state)
    consents(ctx.p).delete(state)
    if (consent === undefined || consent.expiresAt <= ctx.now) {
      return yield* W.invalid("unknown or expired connect state")
    }
    yield* findApp(ctx, consent.appId)
    const store = outboundOf(ctx.p)
    store.seq += 1
    store.tokens.push({
      id: newId("OT"),
      seq: store.seq,
      appId: consent.appId,
      userId: consent.tenantLevel ? undefined : consent.userId,
      tenantId: consent.tenantId,
      accessToken: `emulated-${consent.appId}-access-${newSecret(12)}`,
      accessTokenExpiry: Math.floor(ctx.now / 1000) + TOKEN_TTL_S,
      refreshToken: `emulated-${consent.appId}-refresh-${newSecret(12)}`,
      scopes: [...consent.scopes],
      grantedBy: consent.userId
    })
    const sep = consent.redirectUrl.includes("?") ? "&" : "?"
    return HttpServerResponse.redirect(`${consent.redirectUrl}${sep}appId=${encodeURIComponent(consent.appId)}`, {
      status: 302
    })
  })

/**
 * The outbound connect route.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [H.endpoint(Wire.connect, connect)]
