/**
 * The emulator (issue 6) and management calls (issue 8):
 * - complete OTP sign-in flows per second (sign-up-or-in, the code read from
 *   the outbox, verify; our client validates both returned tokens), over
 *   loopback against the emulator command in a child process and in-process
 *   (`Emulator.layerHttpClient`, no socket), one flow at a time and 8 at once;
 *   beside them, the flow's own signature work alone (`cryptoFloor`: the two
 *   ES384 signatures the emulator makes and the two verifications our client
 *   makes, raw `node:crypto` over a real token), the most flows per second a
 *   single sequential flow can reach on this machine;
 * - validation of the emulator's (ES384) session tokens by our client, with
 *   node-sdk alongside;
 * - `mgmt.user.load` throughput, ours over our lean undici client
 *   (`UndiciHttpClient.layer`), over `NodeHttpClient.layerUndici` and over
 *   `FetchHttpClient`, against node-sdk, on the same loopback emulator.
 */
import DescopeSdk from "@descope/node-sdk"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as ChildProcess from "node:child_process"
import * as Crypto from "node:crypto"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Emulator from "../src/emulator/index.js"
import * as Descope from "../src/layers/Descope.js"
import * as UndiciHttpClient from "../src/layers/UndiciHttpClient.js"
import { type GroupOptions, type GroupResult, type Line, pairedRatio, runGroup } from "./harness.js"

const root = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")
export const PROJECT_ID = "P2benchEmulator0000000000000"
export const MANAGEMENT_KEY = "bench-management-key"
const LOGIN_IDS = 256
const loginIdOf = (n: number) => `bench-${n % LOGIN_IDS}@example.com`

export interface ChildEmulator {
  readonly baseUrl: string
  readonly stop: () => Promise<void>
}

/** Starts the emulator command (`src/emulator/cli.ts`, quiet) in a child process on a free port. */
export const startChild = (extraArgs: ReadonlyArray<string> = []): Promise<ChildEmulator> =>
  new Promise((resolve, reject) => {
    const child = ChildProcess.spawn(process.execPath, [
      "--import",
      "tsx",
      // the emulator command compiled, as the parent runs the library (see `compiled.ts`)
      "--import",
      "./bench/compiled.ts",
      Path.join(root, "src/emulator/cli.ts"),
      "--port",
      "0",
      "--quiet",
      "--project-id",
      PROJECT_ID,
      "--management-key",
      MANAGEMENT_KEY,
      ...extraArgs
    ], { cwd: root, stdio: ["ignore", "pipe", "pipe"] })
    let out = ""
    let err = ""
    const timer = setTimeout(() => {
      child.kill("SIGTERM")
      reject(new Error(`the emulator command did not print its URL in 20 s: ${out} ${err}`))
    }, 20_000)
    child.stderr.on("data", (d: Buffer) => (err += d.toString()))
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString()
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)
      if (url !== null) {
        clearTimeout(timer)
        resolve({
          baseUrl: url[0],
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done()
              child.once("exit", () => done())
              child.kill("SIGTERM")
            })
        })
      }
    })
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`the emulator command exited (${code}): ${err}`))
    })
  })

const clientOver = async (baseUrl: string, http: Layer.Layer<HttpClient.HttpClient>) => {
  const runtime = ManagedRuntime.make(
    Descope.layer({ projectId: PROJECT_ID, baseUrl, managementKey: MANAGEMENT_KEY }).pipe(Layer.provide(http))
  )
  return { client: await runtime.runPromise(DescopeClient), dispose: () => runtime.dispose() }
}

type Client = DescopeClient["Type"]

/**
 * The signature work of one OTP flow, raw `node:crypto` with a P-384 key: the
 * emulator signs the session and the refresh token, our client verifies both
 * (`AuthenticationInfo` validates the two tokens it receives), each over the
 * signing input of a real emulator session token.
 */
const cryptoFloor = (token: string): () => void => {
  const { privateKey, publicKey } = Crypto.generateKeyPairSync("ec", { namedCurve: "P-384" })
  const input = Buffer.from(token.slice(0, token.lastIndexOf(".")))
  const signature = Crypto.sign("sha384", input, { key: privateKey, dsaEncoding: "ieee-p1363" })
  return () => {
    for (let k = 0; k < 2; k++) {
      Crypto.sign("sha384", input, { key: privateKey, dsaEncoding: "ieee-p1363" })
      if (!Crypto.verify("sha384", input, { key: publicKey, dsaEncoding: "ieee-p1363" }, signature)) {
        throw new Error("the floor's own signature does not verify")
      }
    }
  }
}

/** One complete OTP sign-in; returns the (validated) session token. */
const otpFlow = async (
  client: Client,
  readCode: (loginId: string) => Promise<string>,
  loginId: string
): Promise<string> => {
  await Effect.runPromise(client.otp.signUpOrIn({ method: "email", loginId }))
  const code = await readCode(loginId)
  const info = await Effect.runPromise(client.otp.verifyCode({ method: "email", loginId, code }))
  return Redacted.value(info.sessionToken)
}

export interface EmulatorResult {
  readonly flows: {
    readonly loopback: number
    readonly loopbackConcurrent8: number
    readonly inProcess: number
    readonly inProcessConcurrent8: number
    readonly inProcessRs256: number
    /** Flows/s if a flow cost only its signatures (2 ES384 signs, 2 verifies): the sequential ceiling. */
    readonly cryptoFloor: number
    /** The sequential loopback flow's rate over that ceiling (paired by round; 1 = all signature work). */
    readonly loopbackOverCryptoFloor: number
  }
  readonly validation: {
    readonly oursUnique: number
    readonly oursRepeated: number
    readonly nodeSdkUnique: number
    readonly ratioUniqueVsNodeSdk: number
  }
  readonly mgmt: {
    readonly oursLean: number
    readonly oursUndici: number
    readonly oursFetch: number
    readonly nodeSdk: number
    readonly ratioLeanVsNodeSdk: number
    readonly ratioUndiciVsNodeSdk: number
    readonly ratioFetchVsNodeSdk: number
    readonly cpuRatioLeanVsNodeSdk: number
    readonly cpuRatioUndiciVsNodeSdk: number
    readonly cpuRatioFetchVsNodeSdk: number
  }
  readonly groups: Record<string, GroupResult>
}

export const runEmulator = async (
  options: { readonly flows: GroupOptions; readonly validation: GroupOptions; readonly mgmt: GroupOptions },
  log: (line: string) => void
): Promise<EmulatorResult> => {
  log("starting the emulator command (loopback) and the in-process emulator ...")
  const child = await startChild()
  const inProcess = ManagedRuntime.make(
    Descope.layer({ projectId: PROJECT_ID, baseUrl: "http://emulator.local", managementKey: MANAGEMENT_KEY })
      .pipe(
        Layer.provide(Emulator.layerHttpClient),
        Layer.provideMerge(Emulator.layer({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY }))
      )
  )
  // the same in-process stack with the RS256 option: signing and verification are cheaper than ES384's
  const inProcessRs = ManagedRuntime.make(
    Descope.layer({ projectId: PROJECT_ID, baseUrl: "http://emulator.local", managementKey: MANAGEMENT_KEY })
      .pipe(
        Layer.provide(Emulator.layerHttpClient),
        Layer.provideMerge(Emulator.layer({ projectId: PROJECT_ID, managementKey: MANAGEMENT_KEY, algorithm: "RS256" }))
      )
  )
  const loop = await clientOver(child.baseUrl, NodeHttpClient.layerUndici)
  try {
    const emulator = await inProcess.runPromise(Emulator.Emulator)
    const local = await inProcess.runPromise(DescopeClient)
    const emulatorRs = await inProcessRs.runPromise(Emulator.Emulator)
    const localRs = await inProcessRs.runPromise(DescopeClient)

    const readLocal = async (loginId: string) => {
      const message = await Effect.runPromise(emulator.lastMessage(loginId, "otp"))
      if (Option.isNone(message) || message.value.code === undefined) throw new Error(`no code for ${loginId}`)
      return message.value.code
    }
    const readLocalRs = async (loginId: string) => {
      const message = await Effect.runPromise(emulatorRs.lastMessage(loginId, "otp"))
      if (Option.isNone(message) || message.value.code === undefined) throw new Error(`no code for ${loginId}`)
      return message.value.code
    }
    const readLoopback = async (loginId: string) => {
      const res = await fetch(`${child.baseUrl}/emulator/outbox?loginId=${encodeURIComponent(loginId)}`)
      const body = (await res.json()) as { readonly messages: ReadonlyArray<Emulator.OutboxMessage> }
      const code = body.messages.filter((m) => m.kind === "otp").at(-1)?.code
      if (code === undefined) throw new Error(`no code for ${loginId} in the loopback outbox`)
      return code
    }
    const clearLoopbackOutbox = () =>
      fetch(`${child.baseUrl}/emulator/outbox`, { method: "DELETE" }).then((r) => r.arrayBuffer())

    // --- OTP flows -----------------------------------------------------------
    const tokens: Array<string> = []
    const keep = (token: string) => {
      if (tokens.length < 4000) tokens.push(token)
    }
    const batch = (client: Client, read: (id: string) => Promise<string>) => (i: number) =>
      Promise.all(Array.from({ length: 8 }, (_, k) => otpFlow(client, read, loginIdOf(i * 8 + k))))
    // users exist from here on (sign-up-or-in then signs them in), in both emulators
    const sample = await otpFlow(loop.client, readLoopback, loginIdOf(0))
    const floor = cryptoFloor(sample)
    for (let n = 0; n < LOGIN_IDS; n += 8) {
      await batch(loop.client, readLoopback)(n / 8)
      await batch(local, readLocal)(n / 8)
      await batch(localRs, readLocalRs)(n / 8)
    }
    log("OTP flows ...")
    const flowLines: ReadonlyArray<Line> = [
      { name: "loopback", op: (i) => otpFlow(loop.client, readLoopback, loginIdOf(i)).then(keep) },
      {
        name: "loopbackConcurrent8",
        opsPerCall: 8,
        op: (i) => batch(loop.client, readLoopback)(i).then((ts) => ts.forEach(keep))
      },
      { name: "inProcess", op: (i) => otpFlow(local, readLocal, loginIdOf(i)) },
      { name: "inProcessConcurrent8", opsPerCall: 8, op: (i) => batch(local, readLocal)(i) },
      { name: "inProcessRs256", op: (i) => otpFlow(localRs, readLocalRs, loginIdOf(i)) },
      { name: "cryptoFloor", sync: true, op: floor }
    ]
    // both outboxes are emptied between rounds (not measured): a read scans the outbox
    const flows = await runGroup(flowLines, {
      ...options.flows,
      beforeRound: async () => {
        await clearLoopbackOutbox()
        await Effect.runPromise(emulator.clearOutbox)
        await Effect.runPromise(emulatorRs.clearOutbox)
      }
    })

    // --- validation of emulator tokens ----------------------------------------
    log(`validation of ${tokens.length} emulator session tokens ...`)
    const fresh = await clientOver(child.baseUrl, NodeHttpClient.layerUndici)
    const sdk = DescopeSdk({ projectId: PROJECT_ID, baseUrl: child.baseUrl, managementKey: MANAGEMENT_KEY })
    const repeated = tokens[0]!
    await Effect.runPromise(fresh.client.validateSession(repeated))
    await sdk.validateSession(repeated)
    const unique = tokens.slice(1)
    const validation = await runGroup([
      {
        name: "oursUnique",
        supply: unique.length,
        op: (i) => Effect.runPromise(fresh.client.validateSession(unique[i]!))
      },
      { name: "oursRepeated", op: () => Effect.runPromise(fresh.client.validateSession(repeated)) },
      { name: "nodeSdkUnique", op: (i) => sdk.validateSession(unique[i % unique.length]!) }
    ], options.validation)
    await fresh.dispose()

    // --- management: user load ------------------------------------------------
    log("management user load ...")
    const viaFetch = await clientOver(child.baseUrl, FetchHttpClient.layer)
    const viaLean = await clientOver(child.baseUrl, UndiciHttpClient.layer)
    const undici = loop.client
    const first = await Effect.runPromise(undici.mgmt.user.load(loginIdOf(0)))
    const firstFetch = await Effect.runPromise(viaFetch.client.mgmt.user.load(loginIdOf(0)))
    const firstLean = await Effect.runPromise(viaLean.client.mgmt.user.load(loginIdOf(0)))
    const firstSdk = await sdk.management.user.load(loginIdOf(0))
    if (
      !firstSdk.ok || firstSdk.data?.userId !== first.userId || firstFetch.userId !== first.userId ||
      firstLean.userId !== first.userId
    ) {
      throw new Error("the user loaded by node-sdk and by our client differ")
    }
    const mgmt = await runGroup([
      { name: "oursLean", op: (i) => Effect.runPromise(viaLean.client.mgmt.user.load(loginIdOf(i))) },
      { name: "oursUndici", op: (i) => Effect.runPromise(undici.mgmt.user.load(loginIdOf(i))) },
      { name: "oursFetch", op: (i) => Effect.runPromise(viaFetch.client.mgmt.user.load(loginIdOf(i))) },
      {
        name: "nodeSdk",
        op: (i) =>
          sdk.management.user.load(loginIdOf(i)).then((r) => {
            if (!r.ok) throw new Error("node-sdk user load failed")
          })
      }
    ], options.mgmt)
    await viaFetch.dispose()
    await viaLean.dispose()

    return {
      flows: {
        loopback: flows.median.loopback!,
        loopbackConcurrent8: flows.median.loopbackConcurrent8!,
        inProcess: flows.median.inProcess!,
        inProcessConcurrent8: flows.median.inProcessConcurrent8!,
        inProcessRs256: flows.median.inProcessRs256!,
        cryptoFloor: flows.median.cryptoFloor!,
        loopbackOverCryptoFloor: pairedRatio(flows.rounds.loopback!, flows.rounds.cryptoFloor!)
      },
      validation: {
        oursUnique: validation.median.oursUnique!,
        oursRepeated: validation.median.oursRepeated!,
        nodeSdkUnique: validation.median.nodeSdkUnique!,
        ratioUniqueVsNodeSdk: pairedRatio(validation.rounds.oursUnique!, validation.rounds.nodeSdkUnique!)
      },
      mgmt: {
        oursLean: mgmt.median.oursLean!,
        oursUndici: mgmt.median.oursUndici!,
        oursFetch: mgmt.median.oursFetch!,
        nodeSdk: mgmt.median.nodeSdk!,
        ratioLeanVsNodeSdk: pairedRatio(mgmt.rounds.oursLean!, mgmt.rounds.nodeSdk!),
        ratioUndiciVsNodeSdk: pairedRatio(mgmt.rounds.oursUndici!, mgmt.rounds.nodeSdk!),
        ratioFetchVsNodeSdk: pairedRatio(mgmt.rounds.oursFetch!, mgmt.rounds.nodeSdk!),
        cpuRatioLeanVsNodeSdk: pairedRatio(mgmt.cpuRounds.oursLean!, mgmt.cpuRounds.nodeSdk!),
        cpuRatioUndiciVsNodeSdk: pairedRatio(mgmt.cpuRounds.oursUndici!, mgmt.cpuRounds.nodeSdk!),
        cpuRatioFetchVsNodeSdk: pairedRatio(mgmt.cpuRounds.oursFetch!, mgmt.cpuRounds.nodeSdk!)
      },
      groups: { flows, validation, mgmt }
    }
  } finally {
    await loop.dispose()
    await inProcess.dispose()
    await inProcessRs.dispose()
    await child.stop()
  }
}
