// Fixtures shared by the authentication row tables (test/support/wire-rows/auth-*.ts).
import { assert } from "@effect/vitest"
import * as Redacted from "effect/Redacted"
import type { AuthenticationInfo } from "../../../src/core/AuthenticationInfo.js"
import { jwtResponse, SESSION_JWT } from "../authFlows.js"

export const MASKED_EMAIL = { maskedEmail: "a***@example.com" }
export const MASKED_PHONE = { maskedPhone: "+1*******34" }
export const URL_ANSWER = { url: "https://idp.example.com/authorize?state=S" }
export const JWT_RESPONSE = jwtResponse()

/** Every login option, as the client takes them and as Descope reads them (the same names). */
export const EVERY_LOGIN_OPTION = {
  stepup: true,
  mfa: false,
  revokeOtherSessions: true,
  customClaims: { plan: "pro" },
  templateId: "T1",
  templateOptions: { greeting: "hi" },
  tenantId: "T2",
  locale: "fr"
}

/** The sign-up options (no stepup / mfa: there is no session to raise yet). */
export const SIGN_UP_OPTIONS = {
  customClaims: { plan: "pro" },
  templateId: "T1",
  templateOptions: { greeting: "hi" },
  tenantId: "T2",
  locale: "fr",
  revokeOtherSessions: false
}

export const SIGN_UP_USER = {
  name: "Ada Lovelace",
  givenName: "Ada",
  middleName: "King",
  familyName: "Lovelace",
  email: "ada@example.com",
  phone: "+12125551234",
  username: "ada"
}

/** The answer equals `expected`, field for field. */
export const is = (expected: unknown) => (result: unknown) => assert.deepStrictEqual(result, expected)

/** An AuthenticationInfo decoded from JWT_RESPONSE: the session, its refresh token, the user, first seen. */
export const isAuthenticated = (result: unknown) => {
  const info = result as AuthenticationInfo
  assert.strictEqual(info.session.userId, "U1")
  assert.strictEqual(Redacted.value(info.sessionToken), SESSION_JWT)
  assert.strictEqual(info.refresh?.tokenType, "DSR")
  assert.strictEqual(info.user?.email, "ada@example.com")
  assert.strictEqual(info.firstSeen, true)
}

/** A start answer carrying a pending reference: it is Redacted, the rest as sent. */
export const isPending = (expected: Record<string, unknown>) => (result: unknown) => {
  const { pendingRef, ...rest } = result as { readonly pendingRef: Redacted.Redacted<string> }
  const { pendingRef: ref, ...expectedRest } = expected
  assert.isTrue(Redacted.isRedacted(pendingRef))
  assert.strictEqual(Redacted.value(pendingRef), ref)
  assert.deepStrictEqual(rest, expectedRest)
}

export const isVoid = (result: unknown) => assert.strictEqual(result, undefined)
