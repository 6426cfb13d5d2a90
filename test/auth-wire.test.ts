// The authentication client on the wire: one recorded-request row per client operation (and variant), run against
// the recording mock, by area of the wire catalogue (src/wire/auth): the exact method, path, query, JSON body and
// Authorization header, written as literals, and the decoding of each answer. Each table checks that every endpoint
// of its area has a row; test/wire-rows-complete.test.ts checks the whole catalogue.
import * as Wire from "../src/wire/index.js"
import { authWireTable } from "./support/authWire.js"
import { enchantedLinkRows } from "./support/wire-rows/auth-enchantedlink.js"
import { magicLinkRows } from "./support/wire-rows/auth-magiclink.js"
import { notpRows } from "./support/wire-rows/auth-notp.js"
import { oauthRows } from "./support/wire-rows/auth-oauth.js"
import { otpRows } from "./support/wire-rows/auth-otp.js"
import { flowRows, outboundRows } from "./support/wire-rows/auth-outbound-flow.js"
import { samlRows, ssoRows } from "./support/wire-rows/auth-saml-sso.js"
import { keysRows, sessionRows } from "./support/wire-rows/auth-session.js"
import { passwordRows, totpRows } from "./support/wire-rows/auth-totp-password.js"
import { webauthnRows } from "./support/wire-rows/auth-webauthn.js"

authWireTable("otp", Wire.Auth.Otp, otpRows)
authWireTable("magicLink", Wire.Auth.MagicLink, magicLinkRows, {
  "POST /v1/auth/magiclink/update/phone":
    "python-sdk's update_user_phone (no delivery method in the path): the client calls /update/phone/{deliveryMethod}"
})
authWireTable("enchantedLink", Wire.Auth.EnchantedLink, enchantedLinkRows)
authWireTable("oauth", Wire.Auth.OAuth, oauthRows)
authWireTable("saml", Wire.Auth.Saml, samlRows)
authWireTable("sso", Wire.Auth.Sso, ssoRows)
authWireTable("totp", Wire.Auth.Totp, totpRows)
authWireTable("password", Wire.Auth.Password, passwordRows)
authWireTable("webauthn", Wire.Auth.WebAuthn, webauthnRows)
authWireTable("notp", Wire.Auth.Notp, notpRows)
authWireTable("outbound", Wire.Auth.Outbound, outboundRows)
authWireTable("flow", Wire.Auth.Flow, flowRows)
authWireTable("session", Wire.Auth.Session, sessionRows, {
  "POST /v1/auth/try-refresh":
    "the web SDKs' refresh answering {} when it cannot: the client refreshes with /v1/auth/refresh"
})
authWireTable("jwks", Wire.Auth.Keys, keysRows, {
  "GET /v1/keys/{projectId}": "the older signing-key path: the client fetches GET /v2/keys/{projectId}"
})
