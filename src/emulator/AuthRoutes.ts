/**
 * The authentication endpoints of §4, one module per area under
 * `emulator/auth/` (OTP, magic link, enchanted link, passwords, TOTP, OAuth /
 * SAML / SSO, sessions and the access-key exchange), all served from the wire
 * catalogue; and the JWKS. Passkeys are verified for real (`auth/WebAuthn.ts`);
 * NOTP is confirmed through the outbox (`auth/Notp.ts`); One Tap and native
 * OAuth verify the emulated provider's ID tokens (`auth/OneTap.ts`); outbound
 * connect stores a token (`auth/Outbound.ts`); the flow runner runs a built-in
 * `sign-up-or-in` flow (`auth/FlowRunner.ts`).
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as KeysWire from "../wire/auth/Keys.js"
import * as Endpoint from "../wire/Endpoint.js"
import * as EnchantedLink from "./auth/EnchantedLink.js"
import * as Federated from "./auth/Federated.js"
import * as FlowRunner from "./auth/FlowRunner.js"
import * as MagicLink from "./auth/MagicLink.js"
import * as Notp from "./auth/Notp.js"
import * as OneTap from "./auth/OneTap.js"
import * as Otp from "./auth/Otp.js"
import * as Outbound from "./auth/Outbound.js"
import * as Password from "./auth/Password.js"
import * as Session from "./auth/Session.js"
import * as Totp from "./auth/Totp.js"
import * as WebAuthn from "./auth/WebAuthn.js"
import * as Keys from "./EmulatorKeys.js"
import * as H from "./Handler.js"
import type { Route } from "./Handler.js"

export {
  /**
   * Issues a one-time code and records it in the outbox.
   *
   * @since 0.1.0
   * @category actions
   */
  issueCode
} from "./auth/Otp.js"

export {
  /**
   * Issues a magic link (exported for the test-user generators).
   *
   * @since 0.1.0
   * @category actions
   */
  magicLinkFor
} from "./auth/MagicLink.js"

export {
  /**
   * Issues an enchanted link: three links in the e-mail, only `linkId`'s works.
   *
   * @since 0.1.0
   * @category actions
   */
  issueEnchanted
} from "./auth/EnchantedLink.js"

export {
  /**
   * Checks the policy and hashes a password.
   *
   * @since 0.1.0
   * @category guards
   */
  hashChecked,
  /**
   * The password policy in force.
   *
   * @since 0.1.0
   * @category queries
   */
  policyOf
} from "./auth/Password.js"

export {
  /**
   * Login history of users, from the audit trail.
   *
   * @since 0.1.0
   * @category queries
   */
  historyOf
} from "./auth/Session.js"

export {
  /**
   * `GET /emulator/notp/send?t=…[&phone=…]`: the user sends the prepared WhatsApp message.
   *
   * @since 0.2.0
   * @category routes
   */
  send as notpSend
} from "./auth/Notp.js"

export {
  /**
   * `POST /emulator/idp/idtoken`: mints an ID token of the emulated provider (One Tap, native).
   *
   * @since 0.2.0
   * @category routes
   */
  mintIdToken
} from "./auth/OneTap.js"

export {
  /**
   * `GET /emulator/outbound/authorize?state=`: the emulated provider grants an outbound connect.
   *
   * @since 0.2.0
   * @category routes
   */
  outboundAuthorize
} from "./auth/Outbound.js"

export {
  /**
   * `GET /emulator/idp/authorize?state=`: the emulated provider "signs the user
   * in" and redirects to the application's redirect URL with a `code`.
   *
   * @since 0.1.0
   * @category routes
   */
  idpAuthorize
} from "./auth/Federated.js"

const jwks: H.Handler = (ctx) => {
  const maxLifetime = Math.max(
    ctx.env.config.refreshTtlMs,
    ctx.env.config.sessionTtlMs,
    ctx.env.config.accessKeySessionTtlMs
  )
  return Effect.succeed(Keys.jwks(Keys.published(ctx.p.keys, ctx.now, maxLifetime)))
}

/**
 * The authentication routes.
 *
 * @since 0.1.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  ...Otp.routes,
  ...MagicLink.routes,
  ...EnchantedLink.routes,
  ...Password.routes,
  ...Totp.routes,
  ...Federated.routes,
  ...Session.routes,
  ...WebAuthn.routes,
  ...Notp.routes,
  ...OneTap.routes,
  ...Outbound.routes,
  ...FlowRunner.routes,
  { ...H.get(Endpoint.routePath(KeysWire.get), "public", jwks), endpoint: KeysWire.get },
  { ...H.get(Endpoint.routePath(KeysWire.getV1), "public", jwks), endpoint: KeysWire.getV1 }
]
