/**
 * The inbound application token as a credential of the outbound token
 * fetches (python-sdk's `OutboundApplicationByToken`): an access token the
 * project issued to a third-party (inbound) application for a user who
 * consented to its `outbound.token.fetch` scope, sent as
 * `Authorization: Bearer <projectId>:<token>` in place of a management key.
 *
 * The emulator does not serve the OAuth flow that issues such tokens; the
 * control `POST /emulator/inbound-app-token` (`{ appId, userId }`) issues one
 * for a recorded consent (`POST /emulator/consents`): a JWT signed by the
 * project's key, `sub` the user, `azp` the application's client id, `scope`
 * the consented scopes. The four fetch routes accept it while it verifies,
 * carries `outbound.token.fetch`, and the application and the consent still
 * hold it (deleting either revokes it).
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/OutboundAppToken.js"
import * as Keys from "../EmulatorKeys.js"
import type { ProjectState } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Route } from "../Handler.js"
import * as Tokens from "../Tokens.js"
import * as W from "../Wire.js"
import { inboundOf } from "./InboundApplication.js"

/**
 * The scope an inbound application token needs to fetch outbound tokens.
 *
 * @since 0.2.0
 * @category constants
 */
export const FETCH_SCOPE = "outbound.token.fetch"

const fetchEndpoints: ReadonlySet<string> = new Set(
  [Wire.fetchTokenByScopes, Wire.fetchToken, Wire.fetchTenantTokenByScopes, Wire.fetchTenantToken].map((e) => e.name)
)

/**
 * Whether a route accepts an inbound application token in place of a management key.
 *
 * @since 0.2.0
 * @category credentials
 */
export const acceptsInboundAppToken = (route: Route): boolean =>
  route.endpoint !== undefined && fetchEndpoints.has(route.endpoint.name)

const consentsOf = (p: ProjectState, appId: string, userId: string) =>
  inboundOf(p).consents.filter((c) => c.appId === appId && c.userId === userId)

/**
 * Whether `token` is a live inbound application token of the project holding `outbound.token.fetch`.
 *
 * @since 0.2.0
 * @category credentials
 */
export const isInboundAppToken = (p: ProjectState, token: string, now: number): Effect.Effect<boolean> =>
  Keys.verify(p.keys, token, now).pipe(
    Effect.map((claims) => {
      const scopes = typeof claims.scope === "string" ? claims.scope.split(" ") : []
      const appId = typeof claims.azp === "string" ? claims.azp : undefined
      const userId = claims.sub
      if (appId === undefined || userId === undefined || !scopes.includes(FETCH_SCOPE)) return false
      if (!inboundOf(p).apps.has(appId)) return false
      return consentsOf(p, appId, userId).some((c) => (c.scopes ?? []).includes(FETCH_SCOPE))
    }),
    Effect.orElseSucceed(() => false)
  )

/**
 * The emulator control that issues an inbound application token for a recorded consent.
 *
 * @since 0.2.0
 * @category routes
 */
export const issueInboundAppToken: Route = H.post(
  "/emulator/inbound-app-token",
  "control",
  (ctx) =>
    Effect.gen(function*() {
      const appId = yield* W.str(ctx.body, "appId")
      const userId = yield* W.str(ctx.body, "userId")
      if (!inboundOf(ctx.p).apps.has(appId)) return yield* W.notFound(`inbound application ${appId}`)
      const scopes = [...new Set(consentsOf(ctx.p, appId, userId).flatMap((c) => c.scopes ?? []))]
      if (scopes.length === 0) return yield* W.invalid(`user ${userId} gave application ${appId} no consent`)
      const iat = Math.floor(ctx.now / 1000)
      const token = yield* Tokens.signWith(ctx.p, {
        iss: Tokens.issuer(ctx.env, ctx.p.projectId),
        sub: userId,
        azp: appId,
        scope: scopes.join(" "),
        iat,
        exp: iat + Math.floor(ctx.env.config.sessionTtlMs / 1000)
      })
      return { token }
    })
)
