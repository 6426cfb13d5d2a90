/**
 * The inspector's routes without a browser: the page (off with `ui: false`),
 * the request log (bodies redacted by allowlist, no headers, no query
 * strings, not the emulator-only routes), and who may call the emulator-only
 * routes from a page: its own origin by an IP address or `localhost`, never
 * another origin or a DNS name.
 */
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as fc from "effect/FastCheck"
import * as Option from "effect/Option"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import * as BodyCapture from "../src/emulator/BodyCapture.js"
import { parse } from "../src/emulator/EmulatorCli.js"
import * as Emulator from "../src/emulator/index.js"
import * as JsonPrefix from "../src/emulator/JsonPrefix.js"
import * as Redaction from "../src/emulator/Redaction.js"
import { managementKeyOf, request } from "./support/emulator.js"

type Logged = Emulator.RequestRecord

/** The request log as the control route answers it. */
const logOf = (emulator: Emulator.Service) =>
  Effect.map(request(emulator, "GET", "/emulator/requests"), (r) => ({
    text: JSON.stringify(r.body),
    requests: (r.body as { readonly requests: ReadonlyArray<Logged> }).requests
  }))

/** A raw text body, as a client that does not send JSON would. */
const sendText = (emulator: Emulator.Service, path: string, text: string) =>
  Effect.gen(function*() {
    const response = yield* Emulator.makeHttpClient(emulator).execute(
      HttpClientRequest.post(`http://emulator.local${path}`).pipe(
        HttpClientRequest.setHeaders({ authorization: `Bearer ${emulator.projectId}` }),
        HttpClientRequest.bodyText(text, "text/plain")
      )
    )
    return response.status
  }).pipe(Effect.orDie)

/** Every string of a redacted value is redacted, or sits under an allowlisted member. */
const onlyAllowlisted = (value: unknown, name: string | undefined, depth: number): boolean => {
  if (typeof value === "string") {
    if (value === Redaction.REDACTED || value === Redaction.TOO_DEEP) return true
    if (name !== undefined && Redaction.SHOWN.has(name)) return true
    return name !== undefined && Redaction.SHOWN_URLS.has(name) && /^https?:\/\/[^?#]*(\?\[redacted\])?$/.test(value)
  }
  if (typeof value !== "object" || value === null) return true
  if (depth > Redaction.MAX_DEPTH) return false
  return Array.isArray(value)
    ? value.every((v) => onlyAllowlisted(v, name, depth + 1))
    : Object.entries(value).every(([k, v]) => onlyAllowlisted(v, k, depth + 1))
}

/** `part` is what a prefix of `whole`'s JSON holds: nothing changed, nothing moved, only the end left out. */
const heldBy = (part: unknown, whole: unknown): boolean => {
  if (Array.isArray(part)) {
    return Array.isArray(whole) && part.length <= whole.length && part.every((v, i) => heldBy(v, whole[i]))
  }
  if (typeof part === "object" && part !== null) {
    if (typeof whole !== "object" || whole === null || Array.isArray(whole)) return false
    const entries = Object.entries(whole)
    return Object.entries(part).every(([k, v], i) => entries[i]?.[0] === k && heldBy(v, entries[i]?.[1]))
  }
  return Object.is(part, whole)
}

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

  it.scoped("lists the last requests to Descope's routes: status, error code, bodies redacted", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make()
      const loginId = "ada-inspected@example.com"
      yield* request(emulator, "POST", "/v1/auth/otp/signup-in/email", { body: { loginId } })
      const code = Option.getOrThrow(yield* emulator.lastMessage(loginId, "otp")).code ?? ""
      const wrong = code === "000000" ? "111111" : "000000"
      const refused = yield* request(emulator, "POST", "/v1/auth/otp/verify/email", { body: { loginId, code: wrong } })
      assert.strictEqual(refused.status, 401)
      const verified = yield* request(emulator, "POST", "/v1/auth/otp/verify/email", { body: { loginId, code } })
      assert.strictEqual(verified.status, 200)
      const { refreshJwt, sessionJwt } = verified.body as { readonly sessionJwt: string; readonly refreshJwt: string }
      yield* request(emulator, "GET", "/emulator/outbox")
      const log = yield* emulator.requests
      assert.deepStrictEqual(log.map((r) => [r.seq, r.method, r.path, r.status, r.errorCode]), [
        [1, "POST", "/v1/auth/otp/signup-in/email", 200, undefined],
        [2, "POST", "/v1/auth/otp/verify/email", 401, "E061102"],
        [3, "POST", "/v1/auth/otp/verify/email", 200, undefined]
      ])
      assert.strictEqual(log[0]?.projectId, emulator.projectId)
      const [signUp, failed, verify] = log
      assert.deepStrictEqual(signUp?.requestBody, {
        bytes: JSON.stringify({ loginId }).length,
        truncated: false,
        json: { loginId }
      })
      assert.deepStrictEqual(failed?.requestBody?.json, { loginId, code: Redaction.REDACTED })
      assert.deepStrictEqual(verify?.requestBody?.json, { loginId, code: Redaction.REDACTED })
      assert.deepInclude(failed?.responseBody?.json as object, { errorCode: "E061102" })
      const answer = verify?.responseBody?.json as {
        readonly sessionJwt: string
        readonly refreshJwt: string
        readonly user: { readonly loginIds: ReadonlyArray<string>; readonly email: string; readonly userId: string }
      }
      assert.strictEqual(answer.sessionJwt, Redaction.REDACTED)
      assert.strictEqual(answer.refreshJwt, Redaction.REDACTED)
      assert.deepStrictEqual(answer.user.loginIds, [loginId])
      assert.strictEqual(answer.user.email, loginId)
      // the control route answers the same, and never a secret of the flow
      const route = yield* logOf(emulator)
      assert.deepStrictEqual(route.requests, JSON.parse(JSON.stringify(log)))
      assert.include(route.text, loginId)
      for (
        const secret of [code, sessionJwt, refreshJwt, sessionJwt.split(".")[2] ?? "", refreshJwt.split(".")[1] ?? ""]
      ) {
        assert.isAbove(secret.length, 5)
        assert.notInclude(route.text, secret)
      }
      assert.notInclude(route.text, emulator.projectId + ":")
    }))

  it.scoped("shows the size of a body that is not JSON, nothing of an empty one, and no query string", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make()
      assert.strictEqual(yield* sendText(emulator, "/v1/auth/otp/signup-in/email", "code=123456&pw=hunter2"), 400)
      yield* emulator.addFault({ path: "/v1/auth/otp/signup-in/email", malformed: true, times: 1 })
      yield* request(emulator, "POST", "/v1/auth/otp/signup-in/email?t=q-secret-post", {
        body: { loginId: "m@example.com" }
      })
      yield* request(emulator, "GET", "/v1/mgmt/user?loginId=nobody%40example.com&t=q-secret-get", {
        managementKey: managementKeyOf(emulator)
      })
      const { requests, text } = yield* logOf(emulator)
      assert.deepStrictEqual(requests.map((r) => [r.method, r.path, r.status]), [
        ["POST", "/v1/auth/otp/signup-in/email", 400],
        ["POST", "/v1/auth/otp/signup-in/email", 200],
        ["GET", "/v1/mgmt/user", 404]
      ])
      assert.deepStrictEqual(requests[0]?.requestBody, { bytes: 22, truncated: false })
      assert.deepInclude(requests[0]?.responseBody?.json as object, { errorCode: "E011001" })
      assert.deepStrictEqual(requests[1]?.requestBody?.json, { loginId: "m@example.com" })
      assert.deepStrictEqual(requests[1]?.responseBody, { bytes: "<html>not json".length, truncated: false })
      assert.isUndefined(requests[2]?.requestBody)
      assert.isDefined(requests[2]?.responseBody?.json)
      assert.notInclude(text, "q-secret")
      assert.notInclude(text, "123456")
      assert.notInclude(text, "hunter2")
      assert.notInclude(text, "q-secret")
    }))

  it.scoped("keeps the first 4096 bytes of a long body, and shows what they hold", () =>
    Effect.gen(function*() {
      const emulator = yield* Emulator.make({
        seed: { users: Array.from({ length: 40 }, (_, i) => ({ loginId: `user-${i}@example.com`, name: `User ${i}` })) }
      })
      const numbers = Array.from({ length: 2000 }, (_, i) => i)
      const sent = { loginId: "long@example.com", code: "654321", numbers, password: "after-the-cut" }
      yield* request(emulator, "POST", "/v1/auth/otp/signup-in/email", { body: sent })
      const search = yield* request(emulator, "POST", "/v1/mgmt/user/search", {
        managementKey: managementKeyOf(emulator),
        body: { limit: 40 }
      })
      assert.strictEqual(search.status, 200)
      const { requests, text } = yield* logOf(emulator)
      const body = requests[0]?.requestBody
      assert.strictEqual(body?.bytes, JSON.stringify(sent).length)
      assert.isTrue(body?.truncated)
      const held = body?.json as { readonly loginId: string; readonly code: string; readonly numbers: Array<number> }
      assert.deepStrictEqual(Object.keys(held), ["loginId", "code", "numbers"])
      assert.strictEqual(held.loginId, "long@example.com")
      assert.strictEqual(held.code, Redaction.REDACTED)
      assert.isAbove(held.numbers.length, 500)
      assert.isBelow(held.numbers.length, 2000)
      assert.deepStrictEqual(held.numbers, numbers.slice(0, held.numbers.length))
      const answer = requests[1]?.responseBody
      assert.isTrue(answer?.truncated)
      assert.isAbove(answer?.bytes ?? 0, BodyCapture.MAX_BODY_BYTES)
      const users = (answer?.json as { readonly users: ReadonlyArray<{ readonly loginIds?: ReadonlyArray<string> }> })
        .users
      assert.isAbove(users.length, 0)
      assert.isBelow(users.length, 40)
      assert.deepStrictEqual(users[0]?.loginIds, ["user-0@example.com"])
      assert.notInclude(text, "654321")
      assert.notInclude(text, "after-the-cut")
    }))

  it("redacts every string not under an allowlisted member, at any depth, whatever the JSON", () => {
    const names = fc.oneof(fc.constantFrom(...Redaction.SHOWN, ...Redaction.SHOWN_URLS), fc.string())
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constant(null),
        fc.boolean(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string(),
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(names, tie("value"), { maxKeys: 5 })
      )
    })).value
    fc.assert(
      fc.property(json, (value) => {
        const redacted = Redaction.redact(JSON.parse(JSON.stringify(value)))
        return onlyAllowlisted(redacted, undefined, 0)
      }),
      { numRuns: 500 }
    )
    // secrets under any member not allowlisted never survive, also deep down or in arrays
    const secrets = fc.dictionary(
      fc.string().filter((k) => !Redaction.SHOWN.has(k) && !Redaction.SHOWN_URLS.has(k)),
      fc.string().map((s) => `zz-secret-${s}`),
      { minKeys: 1 }
    )
    fc.assert(
      fc.property(secrets, fc.constantFrom(...Redaction.SHOWN), (object, shown) => {
        const nested = { a: object, list: [object, [object]], [shown]: { b: object } }
        return !JSON.stringify(Redaction.redact(nested)).includes("zz-secret-")
      })
    )
    assert.deepStrictEqual(
      Redaction.redact({
        loginId: "a@example.com",
        code: "123456",
        attempts: 2,
        ok: true,
        none: null,
        URI: "http://app.example/verify?t=secret#frag",
        redirectUrl: "javascript:alert(1)",
        user: { loginIds: ["a@example.com"], customAttributes: { plan: "gold", name: "shown: a member named name" } }
      }),
      {
        loginId: "a@example.com",
        code: "[redacted]",
        attempts: 2,
        ok: true,
        none: null,
        URI: "http://app.example/verify?[redacted]",
        redirectUrl: "[redacted]",
        user: {
          loginIds: ["a@example.com"],
          customAttributes: { plan: "[redacted]", name: "shown: a member named name" }
        }
      }
    )
    let deep: unknown = { loginId: "deep" }
    for (let i = 0; i < 12; i++) deep = [deep]
    assert.notInclude(JSON.stringify(Redaction.redact(deep)), "deep\"")
    assert.include(JSON.stringify(Redaction.redact(deep)), Redaction.TOO_DEEP)
  })

  it("lists in docs/emulator.md exactly the members whose strings are shown", () => {
    const docs = Fs.readFileSync(
      Path.join(Path.dirname(fileURLToPath(import.meta.url)), "..", "docs", "emulator.md"),
      "utf8"
    )
    const item = /^- a string only under one of these members: ([\s\S]*?)\n- /m.exec(docs)?.[1] ?? ""
    const [shown = "", urls = ""] = item.split("; and ")
    const names = (text: string) => [...text.matchAll(/`(\w+)`/g)].map((m) => m[1] ?? "")
    assert.deepStrictEqual(new Set(names(shown.replace(/\(an array's[\s\S]*?\)/, ""))), new Set(Redaction.SHOWN))
    assert.deepStrictEqual(new Set(names(urls)), new Set(Redaction.SHOWN_URLS))
  })

  it("reads what a cut JSON text holds: every prefix, nothing changed or moved", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.nat(), (value, at) => {
        const text = JSON.stringify(value)
        const parsed = JsonPrefix.parsePrefix(text.slice(0, text.length === 0 ? 0 : at % text.length))
        return parsed === undefined || heldBy(parsed.value, JSON.parse(text))
      }),
      { numRuns: 1000 }
    )
    assert.deepStrictEqual(JsonPrefix.parsePrefix(`{"a":[1,2,{"b":"x"},12`), { value: { a: [1, 2, { b: "x" }] } })
    assert.deepStrictEqual(JsonPrefix.parsePrefix(`{"a":"cut in the mid`), { value: {} })
    assert.deepStrictEqual(JsonPrefix.parsePrefix(`{"a":1,"b`), { value: { a: 1 } })
    assert.deepStrictEqual(JsonPrefix.parsePrefix(`[${"[".repeat(5000)}`)?.value !== undefined, true)
    assert.isUndefined(JsonPrefix.parsePrefix("<html>not json"))
    assert.isUndefined(JsonPrefix.parsePrefix(`"a string cut`))
  })

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
