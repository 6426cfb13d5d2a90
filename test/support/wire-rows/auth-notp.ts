// The recorded-wire rows of client.notp (WhatsApp sign-in; run by test/auth-wire.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): core-js-sdk's bodies (the login id optional), go-sdk's update;
// the pending reference answered is Redacted. `waitForSession` polls `getSession`'s endpoint (its polling is tested
// in auth-notp.test.ts).
import * as Redacted from "effect/Redacted"
import { type AuthRow, BEARER_REFRESH, REFRESH } from "../authWire.js"
import { isAuthenticated, isPending, JWT_RESPONSE, SIGN_UP_OPTIONS, SIGN_UP_USER } from "./auth-common.js"

const NOTP = { pendingRef: "NOTP-REF", redirectUrl: "https://wa.me/123?text=abc", image: "iVBORw0KGgo=" }

export const notpRows: ReadonlyArray<AuthRow> = [
  {
    name: "notp.signUp with the user, the sign-up options and a provider",
    run: (c) =>
      c.notp.signUp({
        loginId: "+12125551234",
        user: SIGN_UP_USER,
        loginOptions: SIGN_UP_OPTIONS,
        providerId: "meta"
      }),
    method: "POST",
    path: "/v1/auth/notp/whatsapp/signup",
    body: { loginId: "+12125551234", user: SIGN_UP_USER, loginOptions: SIGN_UP_OPTIONS, providerId: "meta" },
    response: NOTP,
    check: isPending(NOTP)
  },
  {
    name: "notp.signIn without a login id (the user types it in WhatsApp)",
    run: (c) => c.notp.signIn({}),
    method: "POST",
    path: "/v1/auth/notp/whatsapp/signin",
    body: { loginOptions: {} },
    response: NOTP,
    check: isPending(NOTP)
  },
  {
    name: "notp.signIn with mfa: the refresh token",
    run: (c) =>
      c.notp.signIn({
        loginId: "+12125551234",
        loginOptions: { mfa: true },
        refreshToken: Redacted.make(REFRESH),
        providerId: "meta"
      }),
    method: "POST",
    path: "/v1/auth/notp/whatsapp/signin",
    authorization: BEARER_REFRESH,
    body: { loginId: "+12125551234", loginOptions: { mfa: true }, providerId: "meta" },
    response: NOTP,
    check: isPending(NOTP)
  },
  {
    name: "notp.signUpOrIn with a template",
    run: (c) => c.notp.signUpOrIn({ loginId: "+12125551234", loginOptions: { templateId: "W1" } }),
    method: "POST",
    path: "/v1/auth/notp/whatsapp/signup-in",
    body: { loginId: "+12125551234", loginOptions: { templateId: "W1" } },
    response: NOTP,
    check: isPending(NOTP)
  },
  {
    name: "notp.getSession: the pending reference, a session answered",
    run: (c) => c.notp.getSession("NOTP-REF"),
    method: "POST",
    path: "/v1/auth/notp/pending-session",
    body: { pendingRef: "NOTP-REF" },
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "notp.updateUser (go-sdk's wire): the refresh token, every update option",
    run: (c) =>
      c.notp.updateUser({
        loginId: "ada",
        phone: "+12125551234",
        refreshToken: REFRESH,
        addToLoginIds: true,
        onMergeUseExisting: true,
        providerId: "meta",
        templateOptions: { k: "v" },
        templates: { verifyTemplateId: "V1", successTemplateId: "S1", errorTemplateId: "E1" },
        locale: "fr"
      }),
    method: "POST",
    path: "/v1/auth/notp/whatsapp/update",
    authorization: BEARER_REFRESH,
    body: {
      loginId: "ada",
      phone: "+12125551234",
      addToLoginIDs: true,
      onMergeUseExisting: true,
      providerId: "meta",
      templateOptions: { k: "v" },
      templates: { verifyTemplateId: "V1", successTemplateId: "S1", errorTemplateId: "E1" },
      locale: "fr"
    },
    response: NOTP,
    check: isPending(NOTP)
  }
]
