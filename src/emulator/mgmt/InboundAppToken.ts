/**
 * The inbound application token as a credential of the outbound token
 * fetches (python-sdk's `OutboundApplicationByToken`): an access token the
 * project issued to a third-party (inbound) application for a user who
 * consented to its `outbound.token.fetch` scope, sent as
 * `Authorization: Bearer <projectId>:<token>` in place of a management key.
 *
 * The emulator issues such tokens with the control
 * `POST /emulator/inbound-apps/token` (`src/emulator/InboundTokens.ts`). The
 * four fetch routes accept one while it verifies, carries
 * `outbound.token.fetch`, and the application (its client id is `azp`) and
 * the user's consent to that scope still hold (deleting either revokes it).
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/OutboundAppToken.js"
import * as Keys from "../EmulatorKeys.js"
import type { ProjectState } from "../EmulatorState.js"
import type { Route } from "../Handler.js"
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
 * @category guards
 */
export const acceptsInboundAppToken = (route: Route): boolean =>
  route.endpoint !== undefined && fetchEndpoints.has(route.endpoint.name)

const consentsOf = (p: ProjectState, appId: string, userId: string) =>
  inboundOf(p).consents.filter((c) => c.appId === appId && c.userId === userId)

/**
 * Whether `token` is a live inbound application token of the project holding `outbound.token.fetch`.
 *
 * @since 0.2.0
 * @category guards
 */
export const isInboundAppToken = (p: ProjectState, token: string, now: number): Effect.Effect<boolean> =>
  Keys.verify(p.keys, token, now).pipe(
    Effect.map((claims) => {
      const scopes = typeof claims.scope === "string" ? claims.scope.split(" ") : []
      const appId = typeof claims.azp === "string" ? claims.azp : undefined
      const userId = claims.sub
      if (appId === undefined || userId === undefined || !scopes.includes(FETCH_SCOPE)) return false
      const app = [...inboundOf(p).apps.values()].find((a) => (a.app.clientId ?? a.app.id) === appId)
      if (app === undefined) return false
      return consentsOf(p, app.app.id, userId).some((c) => (c.scopes ?? []).includes(FETCH_SCOPE))
    }),
    Effect.orElseSucceed(() => false)
  )
