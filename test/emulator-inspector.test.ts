/**
 * The inspector's routes without a browser: the page (off with `ui: false`),
 * the request log (no bodies, no headers, not the emulator-only routes), and
 * who may call the emulator-only routes from a page: its own origin by an IP
 * address or `localhost`, never another origin or a DNS name.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { parse } from "../src/emulator/EmulatorCli.js"
import * as Emulator from "../src/emulator/index.js"
import { request } from "./support/emulator.js"

describe("the inspector", () => {
  it.scoped("serves its page, or 404 with ui: false", () =>
    Effect.gen(function*() {
      const on = yield* request(yield* Emulator.make(), "GET", "/emulator/ui")
      assert.strictEqual(on.status, 200)
      assert.match(on.headers["content-type"] ?? "", /^text\/html/)
      assert.match(String(on.body), /<title>Descope emulator<\/title>/)
      const off = yield* request(yield* Emulator.make({ ui: false }), "GET", "/emulator/ui")
      assert.strictEqual(off.status, 404)
      const cli = parse(["--no-ui"])
      assert.strictEqual(cli._tag === "Run" ? cli.options.ui : undefined, false)
    }))

  it.scoped("lists the last requests to Descope's routes: status, error code, never a body", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make()
      yield* request(emulator, "POST", "/v1/auth/otp/signup-in/email", {
        body: { loginId: "secret-login@example.com" }
      })
      yield* request(emulator, "POST", "/v1/auth/otp/verify/email", {
        body: { loginId: "x@example.com", code: "123456" }
      })
      yield* request(emulator, "GET", "/emulator/outbox")
      const log = yield* emulator.requests
      assert.deepStrictEqual(log.map((r) => [r.method, r.path, r.status, r.errorCode]), [
        ["POST", "/v1/auth/otp/signup-in/email", 200, undefined],
        ["POST", "/v1/auth/otp/verify/email", 401, "E061102"]
      ])
      assert.strictEqual(log[0]?.projectId, emulator.projectId)
      const route = yield* request(emulator, "GET", "/emulator/requests")
      assert.notInclude(JSON.stringify(route.body), "secret-login")
      assert.strictEqual((route.body as { requests: Array<unknown> }).requests.length, 2)
    }))

  it.scoped("accepts the page's own origin by IP or localhost, refuses other origins and DNS names", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make()
      const from = (origin: string, host: string) =>
        Effect.map(
          request(emulator, "GET", "/emulator/outbox", { headers: { origin, host } }),
          (r) => r.status
        )
      assert.strictEqual(yield* from("http://127.0.0.1:4000", "127.0.0.1:4000"), 200)
      assert.strictEqual(yield* from("http://localhost:4000", "localhost:4000"), 200)
      assert.strictEqual(yield* from("http://[::1]:4000", "[::1]:4000"), 200)
      assert.strictEqual(yield* from("http://evil.example:4000", "evil.example:4000"), 403)
      assert.strictEqual(yield* from("http://evil.example", "127.0.0.1:4000"), 403)
      assert.strictEqual(yield* from("http://127.0.0.1:5000", "127.0.0.1:4000"), 403)
    }))
})
