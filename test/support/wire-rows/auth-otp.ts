// The recorded-wire rows of client.otp (run by test/auth-wire.test.ts, checked complete against the wire catalogue
// by test/wire-rows-complete.test.ts): core-js-sdk's bodies (`{ loginId, user, loginOptions, providerId }`, the
// update options beside `loginId` with `addToLoginIDs` spelled Descope's way), the refresh token of a stepup / mfa
// sign-in and of the updates in the Authorization header.
import * as Redacted from "effect/Redacted"
import { type AuthRow, BEARER_REFRESH, REFRESH } from "../authWire.js"
import {
  EVERY_LOGIN_OPTION,
  is,
  isAuthenticated,
  JWT_RESPONSE,
  MASKED_EMAIL,
  MASKED_PHONE,
  SIGN_UP_OPTIONS,
  SIGN_UP_USER
} from "./auth-common.js"

export const otpRows: ReadonlyArray<AuthRow> = [
  {
    name: "otp.signUp by e-mail with the user, every sign-up option and a provider",
    run: (c) =>
      c.otp.signUp({
        method: "email",
        loginId: "ada@example.com",
        user: SIGN_UP_USER,
        loginOptions: SIGN_UP_OPTIONS,
        providerId: "ses"
      }),
    method: "POST",
    path: "/v1/auth/otp/signup/email",
    body: { loginId: "ada@example.com", user: SIGN_UP_USER, loginOptions: SIGN_UP_OPTIONS, providerId: "ses" },
    response: MASKED_EMAIL,
    check: is(MASKED_EMAIL)
  },
  {
    name: "otp.signUp by voice, nothing but the login id",
    run: (c) => c.otp.signUp({ method: "voice", loginId: "+12125551234" }),
    method: "POST",
    path: "/v1/auth/otp/signup/voice",
    body: { loginId: "+12125551234", loginOptions: {} },
    response: MASKED_PHONE,
    check: is(MASKED_PHONE)
  },
  {
    name: "otp.signIn by SMS with every login option (stepup: the refresh token) and a provider",
    run: (c) =>
      c.otp.signIn({
        method: "sms",
        loginId: "+12125551234",
        loginOptions: EVERY_LOGIN_OPTION,
        refreshToken: Redacted.make(REFRESH),
        providerId: "twilio"
      }),
    method: "POST",
    path: "/v1/auth/otp/signin/sms",
    authorization: BEARER_REFRESH,
    body: { loginId: "+12125551234", loginOptions: EVERY_LOGIN_OPTION, providerId: "twilio" },
    response: MASKED_PHONE,
    check: is(MASKED_PHONE)
  },
  {
    name: "otp.signIn by WhatsApp, no option: the project id alone",
    run: (c) => c.otp.signIn({ method: "whatsapp", loginId: "+12125551234" }),
    method: "POST",
    path: "/v1/auth/otp/signin/whatsapp",
    body: { loginId: "+12125551234", loginOptions: {} },
    response: MASKED_PHONE,
    check: is(MASKED_PHONE)
  },
  {
    name: "otp.signUpOrIn by e-mail with template options and a provider",
    run: (c) =>
      c.otp.signUpOrIn({
        method: "email",
        loginId: "ada@example.com",
        loginOptions: { templateId: "T1", templateOptions: { greeting: "hi" } },
        providerId: "ses"
      }),
    method: "POST",
    path: "/v1/auth/otp/signup-in/email",
    body: {
      loginId: "ada@example.com",
      loginOptions: { templateId: "T1", templateOptions: { greeting: "hi" } },
      providerId: "ses"
    },
    response: MASKED_EMAIL,
    check: is(MASKED_EMAIL)
  },
  {
    name: "otp.verifyCode by SMS: the code revealed on the wire only, a session answered",
    run: (c) => c.otp.verifyCode({ method: "sms", loginId: "+12125551234", code: Redacted.make("123456") }),
    method: "POST",
    path: "/v1/auth/otp/verify/sms",
    body: { loginId: "+12125551234", code: "123456" },
    response: JWT_RESPONSE,
    check: isAuthenticated
  },
  {
    name: "otp.updateUserEmail with every update option",
    run: (c) =>
      c.otp.updateUserEmail({
        loginId: "ada@example.com",
        email: "ada.new@example.com",
        refreshToken: REFRESH,
        addToLoginIds: true,
        onMergeUseExisting: false,
        templateOptions: { k: "v" },
        templateId: "T1",
        providerId: "ses",
        mfa: true
      }),
    method: "POST",
    path: "/v1/auth/otp/update/email",
    authorization: BEARER_REFRESH,
    body: {
      loginId: "ada@example.com",
      email: "ada.new@example.com",
      addToLoginIDs: true,
      onMergeUseExisting: false,
      templateOptions: { k: "v" },
      templateId: "T1",
      providerId: "ses",
      mfa: true
    },
    response: MASKED_EMAIL,
    check: is(MASKED_EMAIL)
  },
  {
    name: "otp.updateUserPhone by voice with the merge options",
    run: (c) =>
      c.otp.updateUserPhone({
        method: "voice",
        loginId: "ada@example.com",
        phone: "+12125551234",
        refreshToken: REFRESH,
        addToLoginIds: false,
        onMergeUseExisting: true
      }),
    method: "POST",
    path: "/v1/auth/otp/update/phone/voice",
    authorization: BEARER_REFRESH,
    body: { loginId: "ada@example.com", phone: "+12125551234", addToLoginIDs: false, onMergeUseExisting: true },
    response: MASKED_PHONE,
    check: is(MASKED_PHONE)
  }
]
