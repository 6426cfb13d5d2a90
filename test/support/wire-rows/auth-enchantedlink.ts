// The recorded-wire rows of client.enchantedLink (run by test/auth-wire.test.ts, checked complete against the wire
// catalogue by test/wire-rows-complete.test.ts): core-js-sdk's bodies, always by e-mail; the pending reference
// answered is Redacted. `waitForSession` polls `getSession`'s endpoint (its polling is tested in
// auth-enchantedlink.test.ts).
import * as Redacted from "effect/Redacted"
import { type AuthRow, BEARER_REFRESH, REFRESH } from "../authWire.js"
import { isAuthenticated, isPending, isVoid, JWT_RESPONSE, SIGN_UP_OPTIONS, SIGN_UP_USER } from "./auth-common.js"

const URI = "https://app.example.com/verify"
const LINK = { linkId: "12", pendingRef: "PENDING-REF", maskedEmail: "a***@example.com" }

export const enchantedLinkRows: ReadonlyArray<AuthRow> = [
  {
    name: "enchantedLink.signUp with the URI, the user, the sign-up options and a provider",
    run: (c) =>
      c.enchantedLink.signUp({
        loginId: "ada@example.com",
        uri: URI,
        user: SIGN_UP_USER,
        loginOptions: SIGN_UP_OPTIONS,
        providerId: "ses"
      }),
    method: "POST",
    path: "/v1/auth/enchantedlink/signup/email",
    body: { loginId: "ada@example.com", URI, user: SIGN_UP_USER, loginOptions: SIGN_UP_OPTIONS, providerId: "ses" },
    response: LINK,
    check: isPending(LINK)
  },
  {
    name: "enchantedLink.signIn with stepup: the refresh token",
    run: (c) =>
      c.enchantedLink.signIn({
        loginId: "ada@example.com",
        uri: URI,
        loginOptions: { stepup: true, customClaims: { k: 1 } },
        refreshToken: Redacted.make(REFRESH),
        providerId: "ses"
      }),
    method: "POST",
    path: "/v1/auth/enchantedlink/signin/email",
    authorization: BEARER_REFRESH,
    body: {
      loginId: "ada@example.com",
      URI,
      loginOptions: { stepup: true, customClaims: { k: 1 } },
      providerId: "ses"
    },
    response: LINK,
    check: isPending(LINK)
  },
  {
    name: "enchantedLink.signUpOrIn",
    run: (c) => c.enchantedLink.signUpOrIn({ loginId: "ada@example.com", uri: URI }),
    method: "POST",
    path: "/v1/auth/enchantedlink/signup-in/email",
    body: { loginId: "ada@example.com", URI, loginOptions: {} },
    response: LINK,
    check: isPending(LINK)
  },
  {
    name: "enchantedLink.verify: the link's token, nothing answered",
    run: (c) => c.enchantedLink.verify("LINK-TOKEN"),
    method: "POST",
    path: "/v1/auth/enchantedlink/verify",
    body: { token: "LINK-TOKEN" },
    check: isVoid
  },
  {
    name: "enchantedLink.getSession: the pending reference, a session answered",
    run: (c) => c.enchantedLink.getSession(Redacted.make("PENDING-REF")),
    method: "POST",
    path: "/v1/auth/enchantedlink/pending-session",
    body: { pendingRef: "PENDING-REF" },
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "enchantedLink.updateUserEmail with the URI and the update options",
    run: (c) =>
      c.enchantedLink.updateUserEmail({
        loginId: "ada@example.com",
        email: "ada.new@example.com",
        uri: URI,
        refreshToken: REFRESH,
        addToLoginIds: false,
        templateOptions: { a: "b" },
        providerId: "ses"
      }),
    method: "POST",
    path: "/v1/auth/enchantedlink/update/email",
    authorization: BEARER_REFRESH,
    body: {
      loginId: "ada@example.com",
      email: "ada.new@example.com",
      URI,
      addToLoginIDs: false,
      templateOptions: { a: "b" },
      providerId: "ses"
    },
    response: LINK,
    check: isPending(LINK)
  }
]
