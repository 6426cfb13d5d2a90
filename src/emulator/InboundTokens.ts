/**
 * The OAuth access tokens the emulator issues to inbound (third-party)
 * applications: what Descope's authorization server hands an application once
 * a user consented to it. The emulator does not serve the OAuth flow itself;
 * the control `POST /emulator/inbound-apps/token`
 * (`{ appId, userId, scopes?, audience? }`) plays its end: it requires a
 * consent of the user to the application (recorded with
 * `POST /emulator/consents`) covering the scopes (all the consented scopes
 * when `scopes` is absent; 400 without a consent or for a scope not consented to), and answers an OAuth token response
 * `{ access_token, token_type, expires_in, scope }`.
 *
 * The access token is a JWT signed with the project's active key, on emulator
 * time: `iss` the project's issuer, `sub` the user, `aud` the `audience` asked
 * for or else the application's client id, `client_id` and `azp` the client
 * id, `scope` the granted scopes (space-separated), and no roles or
 * permissions: what the application may do is its scopes.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { optional, Strings } from "../wire/Fields.js"
import { required } from "./auth/Support.js"
import * as H from "./Handler.js"
import type { Route } from "./Handler.js"
import { inboundOf } from "./mgmt/InboundApplication.js"
import { issuer, signWith } from "./Tokens.js"
import * as W from "./Wire.js"

/** The request of `POST /emulator/inbound-apps/token`. */
const TokenRequest = Schema.Struct({
  appId: Schema.String,
  userId: Schema.String,
  scopes: optional(Strings),
  audience: optional(Schema.String)
})

/**
 * The control that issues an inbound application's access token (see the module doc).
 *
 * @since 0.2.0
 * @category routes
 */
export const issueToken: Route = H.post(
  "/emulator/inbound-apps/token",
  "control",
  H.decoding(TokenRequest, (ctx, b) =>
    Effect.gen(function*() {
      const appId = yield* required("appId", b.appId)
      const userId = yield* required("userId", b.userId)
      const store = inboundOf(ctx.p)
      const record = store.apps.get(appId)
      if (record === undefined) return yield* W.notFound(`inbound application ${appId}`)
      const user = ctx.p.users.get(userId)
      if (user === undefined) return yield* W.notFound(`user ${userId}`)
      if (user.status === "disabled") return yield* W.invalid(`user ${userId} is disabled`)
      const consents = store.consents.filter((c) => c.appId === appId && c.userId === userId)
      if (consents.length === 0) return yield* W.invalid(`user ${userId} did not consent to ${appId}`)
      const granted = new Set(consents.flatMap((c) => c.scopes))
      const scopes = [...(b.scopes ?? granted)]
      const refused = scopes.filter((s) => !granted.has(s))
      if (refused.length > 0) {
        return yield* W.invalid(`user ${userId} did not consent to ${refused.join(", ")} for ${appId}`)
      }
      const clientId = record.app.clientId ?? appId
      const iat = Math.floor(ctx.now / 1000)
      const expiresIn = Math.floor(ctx.env.config.sessionTtlMs / 1000)
      const scope = scopes.join(" ")
      const jwt = yield* signWith(ctx.p, {
        iss: issuer(ctx.env, ctx.p.projectId),
        sub: userId,
        aud: b.audience === undefined || b.audience === "" ? clientId : b.audience,
        client_id: clientId,
        azp: clientId,
        scope,
        iat,
        exp: iat + expiresIn
      })
      return { access_token: jwt, token_type: "Bearer", expires_in: expiresIn, scope }
    }))
)
