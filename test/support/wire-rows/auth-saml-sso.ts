// The recorded-wire rows of client.saml and client.sso (run by test/auth-wire.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the tenant, redirect URL and the SSO choices in the query, the
// login options as the body (core-js-sdk's saml/authorize; python / go's sso/authorize), the callback code exchanged.
import * as Redacted from "effect/Redacted"
import { type AuthRow, BEARER_REFRESH, REFRESH } from "../authWire.js"
import { is, isAuthenticated, JWT_RESPONSE, URL_ANSWER } from "./auth-common.js"

export const samlRows: ReadonlyArray<AuthRow> = [
  {
    name: "saml.start with the tenant and the redirect URL: an empty body",
    run: (c) => c.saml.start({ tenant: "T1", returnUrl: "https://app.example.com/cb" }),
    method: "POST",
    path: "/v1/auth/saml/authorize",
    query: { tenant: "T1", redirectURL: "https://app.example.com/cb" },
    body: {},
    response: URL_ANSWER,
    check: is(URL_ANSWER)
  },
  {
    name: "saml.start with every option: forceAuthn, the login hint, the initiating e-mail, mfa's refresh token",
    run: (c) =>
      c.saml.start({
        tenant: "ada@acme.com",
        returnUrl: "https://app.example.com/cb",
        ssoId: "SSO2",
        forceAuthn: true,
        loginHint: "ada",
        enforceInitiatedEmail: true,
        loginOptions: { mfa: true, tenantId: "T1" },
        refreshToken: REFRESH
      }),
    method: "POST",
    path: "/v1/auth/saml/authorize",
    query: {
      tenant: "ada@acme.com",
      redirectURL: "https://app.example.com/cb",
      ssoId: "SSO2",
      forceAuthn: "true",
      loginHint: "ada",
      initiatedEmail: "ada@acme.com"
    },
    authorization: BEARER_REFRESH,
    body: { mfa: true, tenantId: "T1" },
    response: URL_ANSWER,
    check: is(URL_ANSWER)
  },
  {
    name: "saml.exchangeToken: the callback code, a session answered",
    run: (c) => c.saml.exchangeToken(Redacted.make("CODE-2")),
    method: "POST",
    path: "/v1/auth/saml/exchange",
    body: { code: "CODE-2" },
    response: JWT_RESPONSE,
    check: isAuthenticated
  }
]

export const ssoRows: ReadonlyArray<AuthRow> = [
  {
    name: "sso.start with the tenant alone: an empty body",
    run: (c) => c.sso.start({ tenant: "T1" }),
    method: "POST",
    path: "/v1/auth/sso/authorize",
    query: { tenant: "T1" },
    body: {},
    response: URL_ANSWER,
    check: is(URL_ANSWER)
  },
  {
    name: "sso.start with every option (forceAuthn false is sent) and stepup's refresh token",
    run: (c) =>
      c.sso.start({
        tenant: "T1",
        returnUrl: "https://app.example.com/cb",
        prompt: "login",
        ssoId: "SSO2",
        loginHint: "ada@acme.com",
        forceAuthn: false,
        loginOptions: { stepup: true, locale: "fr" },
        refreshToken: REFRESH
      }),
    method: "POST",
    path: "/v1/auth/sso/authorize",
    query: {
      tenant: "T1",
      redirectURL: "https://app.example.com/cb",
      prompt: "login",
      ssoId: "SSO2",
      loginHint: "ada@acme.com",
      forceAuthn: "false"
    },
    authorization: BEARER_REFRESH,
    body: { stepup: true, locale: "fr" },
    response: URL_ANSWER,
    check: is(URL_ANSWER)
  },
  {
    name: "sso.exchangeToken: the callback code, a session answered",
    run: (c) => c.sso.exchangeToken("CODE-3"),
    method: "POST",
    path: "/v1/auth/sso/exchange",
    body: { code: "CODE-3" },
    response: JWT_RESPONSE,
    check: isAuthenticated
  }
]
