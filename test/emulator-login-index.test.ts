/**
 * The emulator's login index (`LoginIndex`): finding a user by login id and
 * telling whether a login id is taken answer exactly what a scan of every
 * user answers, after any sequence of changes (creations, login-id changes,
 * added login ids, deletions, seeds, imports, resets), and a sign-up of a new
 * login id no longer scans the users.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import { emptyProject, type ProjectState, type UserRecord } from "../src/emulator/EmulatorState.js"
import * as Emulator from "../src/emulator/index.js"
import * as LoginIndex from "../src/emulator/LoginIndex.js"
import { removeUser } from "../src/emulator/ManagementSupport.js"
import { findUser } from "../src/emulator/Queries.js"
import * as Seed from "../src/emulator/Seed.js"
import * as SeedState from "../src/emulator/SeedState.js"
import * as Users from "../src/emulator/Users.js"

/** A small deterministic random source (mulberry32). */
const random = (seed: number) => {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number): number => Math.floor(next() * n)
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[int(xs.length)] as A
  return { next, int, pick }
}

type Random = ReturnType<typeof random>

const base = ["ada@x.io", "bob@x.io", "cy@x.io", "dee@x.io", "eve@x.io", "+15550000001", "+15550000002", "fay"]

/** A login id of the pool, in a random casing. */
const loginId = (r: Random): string => {
  const l = r.pick(base)
  return r.int(3) === 0 ? l.toUpperCase() : r.int(3) === 0 ? l[0]?.toUpperCase() + l.slice(1) : l
}

const probes = base.flatMap((l) => [l, l.toUpperCase(), l[0]?.toUpperCase() + l.slice(1)])

// the oracle: a scan of every user, independent of the index
const holds = (u: UserRecord, l: string) => u.loginIds.some((x) => x.toLowerCase() === l.toLowerCase())
const oracleFind = (p: ProjectState, ref: string): UserRecord | undefined =>
  p.users.get(ref) ?? [...p.users.values()].find((u) => holds(u, ref))
const oracleTaken = (p: ProjectState, l: string, except?: string): boolean =>
  [...p.users.values()].some((u) => u.userId !== except && holds(u, l))

const check = (p: ProjectState, step: string) => {
  const users = [...p.users.values()]
  for (const probe of [...probes, ...users.map((u) => u.userId)]) {
    assert.strictEqual(findUser(p, probe), oracleFind(p, probe), `${step}: findUser(${probe})`)
    for (const except of [undefined, "U-none", ...users.map((u) => u.userId)]) {
      assert.strictEqual(
        Users.loginIdTaken(p, probe, except),
        oracleTaken(p, probe, except),
        `${step}: loginIdTaken(${probe}, ${except})`
      )
    }
  }
  const distinct = new Set(users.flatMap((u) => u.loginIds.map((l) => l.toLowerCase())))
  assert.strictEqual(LoginIndex.size(p), distinct.size, `${step}: the index holds every login id, and only those`)
}

const someUser = (p: ProjectState, r: Random): UserRecord | undefined => {
  const users = [...p.users.values()]
  return users.length === 0 ? undefined : r.pick(users)
}

const seedUsers = (p: ProjectState, r: Random) =>
  Array.from({ length: 1 + r.int(3) }, () => {
    const existing = r.int(3) === 0 ? someUser(p, r) : undefined
    return {
      loginId: loginId(r),
      ...(r.int(2) === 0 ? { additionalLoginIds: [loginId(r)] } : {}),
      ...(existing !== undefined ? { userId: existing.userId } : {})
    }
  })

/** One random change of the state, named. */
const step = (p: ProjectState, r: Random, now: number): Effect.Effect<string> =>
  Effect.gen(function*() {
    const u = someUser(p, r)
    switch (r.int(9)) {
      case 0:
      case 1: {
        const l = loginId(r)
        const extra = r.int(2) === 0 ? [loginId(r), loginId(r)] : []
        yield* Effect.either(Users.create(p, l, { additionalLoginIds: extra }, now))
        return `create ${l} +${extra.join(",")}`
      }
      case 2: {
        if (u === undefined) return "nothing"
        const extra = Array.from({ length: r.int(3) }, () => loginId(r))
        Users.apply(p, u, { additionalLoginIds: extra }, now)
        return `additional ${u.userId} ${extra.join(",")}`
      }
      case 3: {
        if (u === undefined) return "nothing"
        const l = loginId(r)
        const phone = l.startsWith("+")
        Users.applyContact(p, u, phone ? { phone: l, addToLoginIds: true } : { email: l, addToLoginIds: true })
        return `contact ${u.userId} ${l}`
      }
      case 4: {
        if (u === undefined) return "nothing"
        // what `update/loginid` does: replace one login id (or the first), or remove one
        const l = r.int(2) === 0 ? u.loginIds[r.int(u.loginIds.length)] ?? "" : loginId(r)
        const next = r.int(4) === 0 ? undefined : loginId(r)
        const idx = u.loginIds.findIndex((x) => x.toLowerCase() === l.toLowerCase())
        if (next === undefined) {
          if (u.loginIds.length > 1) LoginIndex.setLoginIds(p, u, u.loginIds.filter((_, i) => i !== idx))
        } else if (!Users.loginIdTaken(p, next, u.userId)) {
          const ids = [...u.loginIds]
          ids[idx >= 0 ? idx : 0] = next
          LoginIndex.setLoginIds(p, u, ids)
        }
        return `loginid ${u.userId} ${l} -> ${next}`
      }
      case 5:
      case 6: {
        if (u === undefined) return "nothing"
        removeUser(p, u)
        return `delete ${u.userId}`
      }
      case 7: {
        const seed = yield* Effect.either(Seed.decode({ users: seedUsers(p, r) }))
        if (seed._tag === "Left") return "a seed that does not decode"
        yield* SeedState.apply(p, seed.right, now)
        return "seed"
      }
      default: {
        if (r.int(2) === 0) {
          SeedState.clearProject(p)
          return "reset"
        }
        const seed = yield* Effect.either(Seed.decode({ users: seedUsers(p, r) }))
        if (seed._tag === "Left") return "a seed that does not decode"
        yield* SeedState.replaceProject(p, seed.right, now)
        return "import"
      }
    }
  })

describe("the login index answers what a scan answers", () => {
  it.effect("after random sequences of changes to a project's users", () =>
    Effect.gen(function*() {
      for (let run = 0; run < 12; run++) {
        const r = random(1000 + run)
        const p = emptyProject("P-index", [], [], yield* Effect.makeSemaphore(1))
        check(p, `run ${run} start`)
        for (let i = 0; i < 120; i++) {
          const name = yield* step(p, r, 1_700_000_000_000 + i * 1000)
          check(p, `run ${run} step ${i} (${name})`)
        }
      }
    }))
})

const P = "P2LoginIndexProject000000000"
const K = "login-index-key"

const call = (method: "GET" | "POST", path: string, body?: unknown) =>
  Effect.gen(function*() {
    const client = yield* HttpClient.HttpClient
    let req = HttpClientRequest.make(method)(`http://emulator.test${path}`).pipe(
      HttpClientRequest.setHeader("authorization", `Bearer ${P}:${K}`)
    )
    if (body !== undefined) req = HttpClientRequest.bodyUnsafeJson(req, body)
    const res = yield* client.execute(req)
    const json = (yield* res.json) as Record<string, unknown>
    return { status: res.status, json }
  }).pipe(Effect.scoped, Effect.orDie)

const withEmulator = (options: Emulator.Options = {}) =>
  Effect.provide(
    Emulator.layerHttpClient.pipe(Layer.provideMerge(Emulator.layer({ projectId: P, managementKey: K, ...options })))
  )

interface Exported {
  readonly userId?: string
  readonly loginId: string
  readonly additionalLoginIds?: ReadonlyArray<string>
}

describe("through the emulator's management routes", () => {
  it.effect("a user loaded by login id is the one a scan of the exported users finds", () =>
    Effect.gen(function*() {
      const e = yield* Emulator.Emulator
      const r = random(7)
      const exported = () => Effect.map(e.exportProject(), (s) => (s.users ?? []) as ReadonlyArray<Exported>)
      for (let i = 0; i < 150; i++) {
        const users = yield* exported()
        const some = users.length === 0 ? undefined : r.pick(users)
        const op = r.int(8)
        if (op <= 1) {
          yield* call("POST", "/v1/mgmt/user/create", { loginId: loginId(r), additionalLoginIds: [loginId(r)] })
        } else if (op === 2 && some !== undefined) {
          yield* call("POST", "/v1/mgmt/user/update", { loginId: some.loginId, additionalLoginIds: [loginId(r)] })
        } else if (op === 3 && some !== undefined) {
          const ids = [some.loginId, ...(some.additionalLoginIds ?? [])]
          const next = r.int(4) === 0 ? "" : loginId(r)
          yield* call("POST", "/v1/mgmt/user/update/loginid", { loginId: r.pick(ids), newLoginId: next })
        } else if (op === 4 && some !== undefined) {
          yield* call("POST", "/v1/mgmt/user/delete", { loginId: some.loginId })
        } else if (op === 5) {
          yield* call("POST", "/v1/mgmt/user/create/batch", {
            users: [{ loginId: loginId(r) }, { loginId: loginId(r) }]
          })
        } else if (op === 6) {
          yield* call("POST", "/v1/mgmt/user/delete/batch", {
            userIds: users.slice(0, 2).map((u) => u.userId)
          })
        } else if (r.int(3) === 0) yield* e.reset()
        else yield* Effect.either(e.importProject({ users: users.slice(1).map((u) => ({ ...u })) }))

        const now = yield* exported()
        for (const probe of probes) {
          const expected = now.find((u) =>
            [u.loginId, ...(u.additionalLoginIds ?? [])].some((l) => l.toLowerCase() === probe.toLowerCase())
          )
          const loaded = yield* call("GET", `/v1/mgmt/user?loginId=${encodeURIComponent(probe)}`)
          const user = loaded.json.user as { userId?: string } | undefined
          assert.strictEqual(
            loaded.status === 200 ? user?.userId : undefined,
            expected?.userId,
            `step ${i} (op ${op}): load ${probe}`
          )
        }
      }
    }).pipe(withEmulator()))

  it.effect("sign-ups of new login ids with 20,000 users never iterate the users", () =>
    Effect.gen(function*() {
      const e = yield* Emulator.Emulator
      // counts iterations of any map as large as the users (only `p.users` is); before the index, 3 a sign-up
      let scans = 0
      const proto = Map.prototype as unknown as Record<string | symbol, (...args: Array<unknown>) => unknown>
      const names: Array<string | symbol> = ["values", "keys", "entries", "forEach", Symbol.iterator]
      const originals = names.map((n) => proto[n])
      names.forEach((n, i) => {
        const original = originals[i] as (...args: Array<unknown>) => unknown
        proto[n] = function(this: Map<unknown, unknown>, ...args: Array<unknown>) {
          if (this.size >= 20_000) scans++
          return original.apply(this, args)
        }
      })
      try {
        for (let n = 0; n < 100; n++) {
          const l = `new-${n}@example.com`
          const started = yield* call("POST", "/v1/auth/otp/signup-in/email", { loginId: l })
          assert.strictEqual(started.status, 200)
          const code = Option.getOrThrow(yield* e.lastMessage(l, "otp")).code ?? ""
          const verified = yield* call("POST", "/v1/auth/otp/verify/email", { loginId: l, code })
          assert.strictEqual(verified.status, 200)
        }
      } finally {
        names.forEach((n, i) => (proto[n] = originals[i] as (...args: Array<unknown>) => unknown))
      }
      assert.strictEqual(scans, 0)
      const loaded = yield* call("GET", `/v1/mgmt/user?loginId=${encodeURIComponent("NEW-99@example.com")}`)
      assert.strictEqual(loaded.status, 200)
    }).pipe(withEmulator({
      seed: { users: Array.from({ length: 20_000 }, (_, n) => ({ loginId: `seeded-${n}@example.com` })) }
    })), 120_000)
})
