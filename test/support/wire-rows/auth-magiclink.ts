// The recorded-wire rows of client.magicLink (run by test/auth-wire.test.ts, checked complete against the wire
// catalogue by test/wire-rows-complete.test.ts): core-js-sdk's bodies, the link's target as `URI`.
import * as Redacted from "effect/Redacted"
import { type AuthRow, BEARER_REFRESH, REFRESH } from "../authWire.js"
import {
  is,
  isAuthenticated,
  JWT_RESPONSE,
  MASKED_EMAIL,
  MASKED_PHONE,
  SIGN_UP_OPTIONS,
  SIGN_UP_USER
} from "./auth-common.js"

const URI = "https://app.example.com/verify"

export const magicLinkRows: ReadonlyArray<AuthRow> = [
  {
    name: "magicLink.signUp by e-mail with the link's URI, the user, the sign-up options and a provider",
    run: (c) =>
      c.magicLink.signUp({
        method: "email",
        loginId: "ada@example.com",
        uri: URI,
        user: SIGN_UP_USER,
        loginOptions: SIGN_UP_OPTIONS,
        providerId: "ses"
      }),
    method: "POST",
    path: "/v1/auth/magiclink/signup/email",
    body: { loginId: "ada@example.com", URI, user: SIGN_UP_USER, loginOptions: SIGN_UP_OPTIONS, providerId: "ses" },
    response: MASKED_EMAIL,
    check: is(MASKED_EMAIL)
  },
  {
    name: "magicLink.signIn by SMS with mfa: the refresh token",
    run: (c) =>
      c.magicLink.signIn({
        method: "sms",
        loginId: "+12125551234",
        uri: URI,
        loginOptions: { mfa: true, locale: "de" },
        refreshToken: REFRESH
      }),
    method: "POST",
    path: "/v1/auth/magiclink/signin/sms",
    authorization: BEARER_REFRESH,
    body: { loginId: "+12125551234", URI, loginOptions: { mfa: true, locale: "de" } },
    response: MASKED_PHONE,
    check: is(MASKED_PHONE)
  },
  {
    name: "magicLink.signUpOrIn by WhatsApp",
    run: (c) => c.magicLink.signUpOrIn({ method: "whatsapp", loginId: "+12125551234", uri: URI }),
    method: "POST",
    path: "/v1/auth/magiclink/signup-in/whatsapp",
    body: { loginId: "+12125551234", URI, loginOptions: {} },
    response: MASKED_PHONE,
    check: is(MASKED_PHONE)
  },
  {
    name: "magicLink.verify: the link's token, a session answered",
    run: (c) => c.magicLink.verify(Redacted.make("LINK-TOKEN")),
    method: "POST",
    path: "/v1/auth/magiclink/verify",
    body: { token: "LINK-TOKEN" },
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "magicLink.updateUserEmail with the link's URI and the update options",
    run: (c) =>
      c.magicLink.updateUserEmail({
        loginId: "ada@example.com",
        email: "ada.new@example.com",
        uri: URI,
        refreshToken: REFRESH,
        addToLoginIds: true,
        onMergeUseExisting: true,
        templateId: "T1",
        templateOptions: { k: "v" }
      }),
    method: "POST",
    path: "/v1/auth/magiclink/update/email",
    authorization: BEARER_REFRESH,
    body: {
      loginId: "ada@example.com",
      email: "ada.new@example.com",
      URI,
      addToLoginIDs: true,
      onMergeUseExisting: true,
      templateId: "T1",
      templateOptions: { k: "v" }
    },
    response: MASKED_EMAIL,
    check: is(MASKED_EMAIL)
  },
  {
    name: "magicLink.updateUserPhone by SMS (the delivery method in the path)",
    run: (c) =>
      c.magicLink.updateUserPhone({
        method: "sms",
        loginId: "ada@example.com",
        phone: "+12125551234",
        uri: URI,
        refreshToken: REFRESH,
        providerId: "twilio",
        mfa: true
      }),
    method: "POST",
    path: "/v1/auth/magiclink/update/phone/sms",
    authorization: BEARER_REFRESH,
    body: { loginId: "ada@example.com", phone: "+12125551234", URI, providerId: "twilio", mfa: true },
    response: MASKED_PHONE,
    check: is(MASKED_PHONE)
  },
  {
    name: "magicLink.updateUserPhone without a method (python-sdk's path: no delivery method, a text message)",
    run: (c) =>
      c.magicLink.updateUserPhone({
        loginId: "ada@example.com",
        phone: "+12125551234",
        uri: URI,
        refreshToken: REFRESH,
        addToLoginIds: true
      }),
    method: "POST",
    path: "/v1/auth/magiclink/update/phone",
    authorization: BEARER_REFRESH,
    body: { loginId: "ada@example.com", phone: "+12125551234", URI, addToLoginIDs: true },
    response: MASKED_PHONE,
    check: is(MASKED_PHONE)
  }
]
