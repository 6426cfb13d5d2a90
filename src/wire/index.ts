/**
 * The wire catalogue: every Descope endpoint the SDK knows, described once
 * (`Endpoint`), by area. The client sends with it, the emulator serves it,
 * the tests iterate it and `docs/COVERAGE.md` is generated from it. Find an
 * operation by its name: `mgmt.role.create` is `Wire.Mgmt.Role.create`.
 *
 * @since 0.2.0
 */
import type * as Endpoint from "./Endpoint.js"
import * as EnchantedLink from "./auth/EnchantedLink.js"
import * as MagicLink from "./auth/MagicLink.js"
import * as Notp from "./auth/Notp.js"
import * as OAuth from "./auth/OAuth.js"
import * as Otp from "./auth/Otp.js"
import * as Password from "./auth/Password.js"
import * as Saml from "./auth/Saml.js"
import * as Session from "./auth/Session.js"
import * as Sso from "./auth/Sso.js"
import * as Totp from "./auth/Totp.js"
import * as WebAuthn from "./auth/WebAuthn.js"
import * as Role from "./mgmt/Role.js"

/**
 * The management areas.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const Mgmt = { Role }

/**
 * The authentication areas.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const Auth = { EnchantedLink, MagicLink, Notp, OAuth, Otp, Password, Saml, Session, Sso, Totp, WebAuthn }

const endpointsOf = (modules: Readonly<Record<string, Readonly<Record<string, unknown>>>>): Array<Endpoint.Endpoint.Any> =>
  Object.values(modules).flatMap((m) =>
    Object.values(m).filter((v): v is Endpoint.Endpoint.Any =>
      typeof v === "object" && v !== null && (v as { _tag?: unknown })._tag === "Endpoint"
    )
  )

/**
 * Every catalogued endpoint.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const all: ReadonlyArray<Endpoint.Endpoint.Any> = [...endpointsOf(Auth), ...endpointsOf(Mgmt)]
