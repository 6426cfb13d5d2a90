/**
 * mgmt.audit.createAuditWebhook against the emulator (in-process), with a real loopback receiver: audit
 * records that pass the webhook's filters are POSTed with Descope's record shape, the webhook's
 * authentication, headers and HMAC signature; a failed delivery is retried; a delivery still in flight
 * when the emulator's layer closes is interrupted (the receiver sees its request aborted).
 */
import { assert, describe, it } from "@effect/vitest"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as NodeCrypto from "node:crypto"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import { DescopeClient } from "../src/DescopeClient.js"
import { emulatorRun, failure } from "./support/area.js"

const P = "P2AuditWebhookScenario000000"
const K = "audit-webhook-management-key"

const run = emulatorRun(P, K)

interface Received {
  readonly headers: Http.IncomingHttpHeaders
  readonly body: string
}

/** A loopback receiver answering each request with `answer(n)` (its status, or never for `undefined`). */
const receiver = (
  answer: (n: number) => number | undefined,
  onRequest: (r: Received, req: Http.IncomingMessage) => void
) =>
  Effect.acquireRelease(
    Effect.async<{ readonly url: string; readonly server: Http.Server }>((resume) => {
      let n = 0
      const server = Http.createServer((req, res) => {
        const chunks: Array<Buffer> = []
        req.on("data", (c: Buffer) => chunks.push(c))
        req.on("end", () => {
          const status = answer(n++)
          onRequest({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") }, req)
          if (status !== undefined) res.writeHead(status, { connection: "close" }).end()
        })
      })
      server.listen(0, "127.0.0.1", () =>
        resume(Effect.succeed({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/audit`, server })))
    }),
    ({ server }) =>
      Effect.async<void>((resume) => {
        server.closeAllConnections()
        server.close(() =>
          resume(Effect.void)
        )
      })
  )

describe("audit webhooks against the emulator", () => {
  it.live("delivers the records that pass the filters, signed, and retries a failed delivery", () =>
    Effect.scoped(Effect.gen(function*() {
      const received: Array<Received> = []
      const twice = yield* Deferred.make<void>()
      const { url } = yield* receiver((n) => (n === 0 ? 500 : 200), (r) => {
        received.push(r)
        if (received.length === 2) Deferred.unsafeDone(twice, Effect.void)
      })
      yield* run(Effect.gen(function*() {
        const m = (yield* DescopeClient).mgmt
        yield* m.audit.createAuditWebhook({
          name: "siem",
          url,
          authentication: { bearerToken: Redacted.make("hook-token") },
          hmacSecret: "hmac-secret",
          headers: { "x-team": "sec" },
          filters: [{ key: "actions", operator: "includes", values: ["UserCreated"] }]
        })
        yield* m.tenant.create({ name: "not streamed" })
        yield* m.user.create({ loginId: "ada@example.com", email: "ada@example.com" })
        yield* Deferred.await(twice).pipe(Effect.timeout("20 seconds"))
      }))
      assert.strictEqual(received.length, 2)
      assert.strictEqual(received[0]!.body, received[1]!.body)
      const record = JSON.parse(received[1]!.body) as Record<string, unknown>
      assert.deepStrictEqual(
        { projectId: record.projectId, action: record.action, externalIds: record.externalIds },
        { projectId: P, action: "UserCreated", externalIds: ["ada@example.com"] }
      )
      assert.strictEqual(typeof record.occurred, "string")
      const headers = received[1]!.headers
      assert.strictEqual(headers.authorization, "Bearer hook-token")
      assert.strictEqual(headers["x-team"], "sec")
      assert.strictEqual(
        headers["x-descope-webhook-s256"],
        NodeCrypto.createHmac("sha256", "hmac-secret").update(received[1]!.body).digest("base64")
      )
    })))

  it.live("a delivery in flight is interrupted when the emulator's layer closes", () =>
    Effect.scoped(Effect.gen(function*() {
      const arrived = yield* Deferred.make<void>()
      const aborted = yield* Deferred.make<void>()
      yield* receiver(() => undefined, (_, req) => {
        Deferred.unsafeDone(arrived, Effect.void)
        req.socket.on("close", () => Deferred.unsafeDone(aborted, Effect.void))
      }).pipe(Effect.flatMap(({ url }) =>
        run(Effect.gen(function*() {
          const m = (yield* DescopeClient).mgmt
          yield* m.audit.createAuditWebhook({ name: "slow", url })
          yield* m.role.create({ name: "viewer" })
          yield* Deferred.await(arrived).pipe(Effect.timeout("20 seconds"))
        }))
      ))
      // the emulator's layer is closed: its delivery (which the receiver never answers) was aborted, well
      // before the attempt's own 30 s timeout would have
      yield* Deferred.await(aborted).pipe(Effect.timeout("10 seconds"))
    })))

  it.effect("the emulator refuses a webhook without a name or with a URL that is not http(s)", () =>
    run(Effect.gen(function*() {
      const m = (yield* DescopeClient).mgmt
      assert.strictEqual(yield* failure(m.audit.createAuditWebhook({ name: " " })), "InvalidArgumentError")
      assert.strictEqual(
        yield* failure(m.audit.createAuditWebhook({ name: "x", url: "ftp://127.0.0.1/" })),
        "AuthError:400"
      )
    })))
})
