/**
 * The emulator's outbound application tokens (`src/wire/mgmt/OutboundAppToken.ts`):
 * tokens come in by upload (OAuth tokens, single or batch, and API keys, kept
 * as the token's access token), one per application and user (and tenant) or
 * per application and tenant, the latest upload replacing the previous one.
 * A fetch answers the latest matching token (by scopes: one holding every
 * scope asked), with its refresh token only when `withRefreshToken` is set.
 * The emulator contacts no provider: `forceRefresh` and `verifyRefresh`
 * answer from what is stored, and a token uploaded with a refresh token only
 * is answered with an empty access token.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Wire from "../../wire/mgmt/OutboundAppToken.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId } from "../Ids.js"
import * as W from "../Wire.js"
import { Codes, type WireError } from "../Wire.js"
import { findApp, outboundOf, type TokenRecord } from "./OutboundApplication.js"

const reveal = (s: Redacted.Redacted<string> | undefined) => (s === undefined ? undefined : Redacted.value(s))
const blank = (s: string | undefined) => (s === undefined || s === "" ? undefined : s)

const render = (t: TokenRecord, withRefresh: boolean): Wire.OutboundAppToken => ({
  id: t.id,
  appId: t.appId,
  ...(t.userId !== undefined ? { userId: t.userId } : {}),
  ...(t.tenantId !== undefined ? { tenantId: t.tenantId } : {}),
  accessToken: Redacted.make(t.accessToken ?? ""),
  ...(t.accessTokenExpiry !== undefined ? { accessTokenExpiry: t.accessTokenExpiry } : {}),
  ...(withRefresh && t.refreshToken !== undefined ? { refreshToken: Redacted.make(t.refreshToken) } : {}),
  hasRefreshToken: t.refreshToken !== undefined,
  scopes: [...t.scopes],
  ...(t.grantedBy !== undefined ? { grantedBy: t.grantedBy } : {})
})

interface Owner {
  readonly appId: string
  readonly userId?: string | undefined
  readonly tenantId?: string | undefined
}

/** Why an upload is refused (a 404 / 400 of the single upload, a failure of a batch), or nothing. */
const refusal = (
  ctx: Ctx,
  o: Owner,
  hasToken: boolean
): { readonly code: string; readonly reason: string } | undefined => {
  if (!outboundOf(ctx.p).apps.has(o.appId)) {
    return { code: Codes.ManagementNotFound, reason: `outbound application ${o.appId} not found` }
  }
  const userId = blank(o.userId)
  if (userId !== undefined && !ctx.p.users.has(userId)) {
    return { code: Codes.ManagementNotFound, reason: `user ${userId} not found` }
  }
  const tenantId = blank(o.tenantId)
  if (tenantId !== undefined && !ctx.p.tenants.has(tenantId)) {
    return { code: Codes.ManagementNotFound, reason: `tenant ${tenantId} not found` }
  }
  return hasToken
    ? undefined
    : { code: Codes.InvalidArguments, reason: "one of accessToken and refreshToken is required" }
}

const asWireError = (r: { readonly code: string; readonly reason: string }) =>
  r.code === Codes.InvalidArguments ? W.invalid(r.reason) : W.notFound(r.reason.replace(/ not found$/, ""))

const sameOwner = (t: TokenRecord, o: Owner) =>
  t.appId === o.appId && t.userId === blank(o.userId) && t.tenantId === blank(o.tenantId)

const store = (
  ctx: Ctx,
  o: Owner,
  token: Omit<TokenRecord, "id" | "seq" | "appId" | "userId" | "tenantId">
): void => {
  const s = outboundOf(ctx.p)
  s.tokens = s.tokens.filter((t) => !sameOwner(t, o))
  s.tokens.push({
    id: newId("OT"),
    seq: ++s.seq,
    appId: o.appId,
    userId: blank(o.userId),
    tenantId: blank(o.tenantId),
    ...token
  })
}

type Upload = typeof Wire.UserTokenUpload.Type | typeof Wire.TenantTokenUpload.Type

const fromUpload = (u: Upload) => ({
  accessToken: reveal(u.accessToken),
  accessTokenExpiry: u.accessTokenExpiry !== undefined && u.accessTokenExpiry > 0 ? u.accessTokenExpiry : undefined,
  refreshToken: reveal(u.refreshToken),
  scopes: [...(u.scopes ?? [])],
  grantedBy: u.grantedBy
})

const owner = (u: Upload): Owner => ({
  appId: u.appId,
  userId: "userId" in u ? u.userId : undefined,
  tenantId: u.tenantId
})

const upload = (ctx: Ctx, u: Upload): Effect.Effect<{}, WireError> => {
  const r = refusal(ctx, owner(u), u.accessToken !== undefined || u.refreshToken !== undefined)
  if (r !== undefined) return asWireError(r)
  store(ctx, owner(u), fromUpload(u))
  return Effect.succeed({})
}

const batch = (ctx: Ctx, uploads: ReadonlyArray<Upload>) =>
  Effect.sync(() => {
    const failures = uploads.flatMap((u) => {
      const r = refusal(ctx, owner(u), u.accessToken !== undefined || u.refreshToken !== undefined)
      return r === undefined
        ? []
        : [{
          appId: u.appId,
          ...("userId" in u ? { userId: u.userId } : {}),
          tenantId: u.tenantId,
          errorCode: r.code,
          reason: r.reason
        }]
    })
    if (failures.length === 0) { for (const u of uploads) store(ctx, owner(u), fromUpload(u)) }
    return { failures }
  })

const apiKey = (ctx: Ctx, o: Owner, key: Redacted.Redacted<string>) => {
  const r = refusal(ctx, o, Redacted.value(key) !== "")
  if (r !== undefined) return asWireError(r)
  store(ctx, o, {
    accessToken: Redacted.value(key),
    accessTokenExpiry: undefined,
    refreshToken: undefined,
    scopes: [],
    grantedBy: undefined
  })
  return Effect.succeed({})
}

const fetch = (
  ctx: Ctx,
  o: Owner,
  scopes: ReadonlyArray<string> | undefined,
  options: typeof Wire.FetchOptions.Type | undefined
) =>
  Effect.flatMap(findApp(ctx, o.appId), () => {
    const found = outboundOf(ctx.p).tokens
      .filter((t) => sameOwner(t, o) && (scopes ?? []).every((x) => t.scopes.includes(x)))
      .sort((a, b) => b.seq - a.seq)[0]
    return found === undefined
      ? W.notFound(`token of application ${o.appId}`)
      : Effect.succeed({ token: render(found, options?.withRefreshToken === true) })
  })

/**
 * The outbound token routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.fetchTokenByScopes, (ctx, b) => fetch(ctx, b, b.scopes, b.options)),
  H.endpoint(Wire.fetchToken, (ctx, b) => fetch(ctx, b, undefined, b.options)),
  H.endpoint(Wire.fetchTenantTokenByScopes, (ctx, b) => fetch(ctx, b, b.scopes, b.options)),
  H.endpoint(Wire.fetchTenantToken, (ctx, b) => fetch(ctx, b, undefined, b.options)),
  H.endpoint(Wire.deleteUserTokens, (ctx, q) =>
    Effect.gen(function*() {
      const appId = blank(q.appId)
      const userId = blank(q.userId)
      if (appId === undefined && userId === undefined) return yield* W.missing("appId or userId")
      const s = outboundOf(ctx.p)
      s.tokens = s.tokens.filter((t) =>
        !(t.userId !== undefined && (appId === undefined || t.appId === appId) &&
          (userId === undefined || t.userId === userId))
      )
      return {}
    })),
  H.endpoint(Wire.deleteTokenById, (ctx, q) => {
    const s = outboundOf(ctx.p)
    if (!s.tokens.some((t) => t.id === q.id)) return W.notFound(`token ${q.id}`)
    s.tokens = s.tokens.filter((t) => t.id !== q.id)
    return Effect.succeed({})
  }),
  H.endpoint(Wire.listAppsWithUserToken, (ctx, q) =>
    Effect.succeed({
      appIds: [
        ...new Set(
          outboundOf(ctx.p).tokens
            .filter((t) => t.userId === q.userId && (blank(q.tenantId) === undefined || t.tenantId === q.tenantId))
            .map((t) => t.appId)
        )
      ]
    })),
  H.endpoint(Wire.uploadUserApiKey, (ctx, b) => apiKey(ctx, b, b.apiKey)),
  H.endpoint(Wire.uploadTenantApiKey, (ctx, b) => apiKey(ctx, b, b.apiKey)),
  H.endpoint(Wire.uploadUserToken, upload),
  H.endpoint(Wire.uploadTenantToken, upload),
  H.endpoint(Wire.batchUploadUserTokens, (ctx, b) => batch(ctx, b.tokens)),
  H.endpoint(Wire.batchUploadTenantTokens, (ctx, b) => batch(ctx, b.tokens))
]
