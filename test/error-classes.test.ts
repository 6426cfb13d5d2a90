// The SDK's error classes: AuthError's helpers for the well-known codes, ErrorCodes as the catalogue's
// literals, readable messages, isDescopeError, RateLimitError's status.
import { assert, describe, it } from "@effect/vitest"
import * as Duration from "effect/Duration"
import {
  AuthError,
  ErrorCodes,
  ForbiddenError,
  InvalidArgumentError,
  InvalidSessionError,
  isDescopeError,
  RateLimitError,
  TransportError
} from "../src/core/DescopeError.js"

describe("error classes", () => {
  it("AuthError helpers recognise the well-known codes", () => {
    const of = (errorCode: string) => new AuthError({ status: 401, errorCode })
    assert.isTrue(of("E061102").isWrongOtpCode)
    assert.isTrue(of("E061103").isTooManyOtpAttempts)
    assert.isTrue(of("E062503").isEnchantedLinkPending)
    assert.isTrue(of("E062108").isUserNotFound)
    assert.isTrue(of("E112102").isUserNotFound)
    assert.isTrue(of("E062107").isUserAlreadyExists)
    assert.isTrue(of("E062909").isPasswordExpired)
    const other = of("E011003")
    assert.isFalse(other.isWrongOtpCode)
    assert.isFalse(other.isTooManyOtpAttempts)
    assert.isFalse(other.isEnchantedLinkPending)
    assert.isFalse(other.isUserNotFound)
    assert.isFalse(other.isUserAlreadyExists)
    assert.isFalse(other.isPasswordExpired)
    assert.isFalse(new AuthError({ status: 401 }).isWrongOtpCode)
  })

  it("ErrorCodes are the catalogue's literals", () => {
    assert.strictEqual(ErrorCodes.WrongOtpCode, "E061102")
    assert.strictEqual(ErrorCodes.TooManyOtpAttempts, "E061103")
    assert.strictEqual(ErrorCodes.UserNotFound, "E062108")
    assert.strictEqual(ErrorCodes.EnchantedLinkPending, "E062503")
    assert.strictEqual(ErrorCodes.ManagementUserNotFound, "E112102")
    assert.strictEqual(ErrorCodes.RateLimitExceeded, "E130429")
  })

  it("messages are readable", () => {
    assert.strictEqual(
      new AuthError({ status: 404, errorCode: "E062108", errorDescription: "User not found" }).message,
      "Descope answered 404 E062108: User not found"
    )
    assert.strictEqual(
      new RateLimitError({ retryAfter: Duration.seconds(90) }).message,
      "Descope rate limit exceeded: retry after 1m 30s"
    )
    assert.strictEqual(
      new TransportError({ reason: "Timeout", method: "POST", path: "/v1/x", description: "no answer within 1m" })
        .message,
      "Descope transport error Timeout (POST /v1/x): no answer within 1m"
    )
    assert.strictEqual(
      new InvalidArgumentError({ field: "loginId", reason: "must not be empty" }).message,
      "Invalid argument loginId: must not be empty"
    )
    assert.strictEqual(new InvalidSessionError({ reason: "Expired" }).message, "Invalid session: Expired")
    assert.strictEqual(
      new ForbiddenError({ tenantId: "T1", missingRoles: ["admin"], missingPermissions: ["read"] }).message,
      "Forbidden: missing roles [admin] and permissions [read] in tenant T1"
    )
    assert.strictEqual(
      new ForbiddenError({ tenantId: "T9", missingRoles: [], missingPermissions: [] }).message,
      "Forbidden: the session is not associated with tenant T9"
    )
  })

  it("isDescopeError", () => {
    assert.isTrue(isDescopeError(new AuthError({ status: 401 })))
    assert.isTrue(isDescopeError(new TransportError({ reason: "Network" })))
    assert.isTrue(isDescopeError(new InvalidArgumentError({ field: "x", reason: "y" })))
    assert.isFalse(isDescopeError(new Error("x")))
    assert.isFalse(isDescopeError({ _tag: "AuthError" }))
    assert.isFalse(isDescopeError(undefined))
  })

  it("RateLimitError has status 429", () => {
    assert.strictEqual(new RateLimitError({ retryAfter: Duration.seconds(1) }).status, 429)
  })
})
