import { assert, describe, it } from "@effect/vitest"
import { setCookie } from "../src/core/AuthenticationInfo.js"

describe("setCookie", () => {
  it("builds the Set-Cookie value from the response's cookie fields", () => {
    assert.strictEqual(
      setCookie("DSR", "tok", { domain: "example.com", path: "/app", maxAge: 3600, expiration: 1_700_000_000 }),
      "DSR=tok; Path=/app; Domain=example.com; Max-Age=3600; Expires=Tue, 14 Nov 2023 22:13:20 GMT; HttpOnly; Secure; SameSite=Strict"
    )
    assert.strictEqual(
      setCookie("DS", "tok", { domain: undefined, path: "/", maxAge: undefined, expiration: undefined }, {
        httpOnly: false,
        sameSite: "Lax"
      }),
      "DS=tok; Path=/; Secure; SameSite=Lax"
    )
  })

  it("never writes a malformed attribute for hostile cookie fields", () => {
    assert.strictEqual(
      setCookie("DS", "t", { domain: undefined, path: "/", maxAge: 1e308, expiration: 1e308 }),
      "DS=t; Path=/; Max-Age=34560000; HttpOnly; Secure; SameSite=Strict"
    )
    assert.strictEqual(
      setCookie("DS", "t", { domain: undefined, path: "/", maxAge: Number.NaN, expiration: -5 }),
      "DS=t; Path=/; HttpOnly; Secure; SameSite=Strict"
    )
    assert.strictEqual(
      setCookie("DS", "t", { domain: undefined, path: "/", maxAge: -10, expiration: undefined }),
      "DS=t; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict"
    )
  })
})
