// Test support: the emulator's real server on 127.0.0.1 for the official node-sdk, started before the
// file's tests and stopped after them; `ready` receives the base URL and a node-sdk client holding the
// project's management key.
import DescopeClient from "@descope/node-sdk"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { afterAll, beforeAll } from "vitest"
import * as Emulator from "../../src/emulator/index.js"

export interface NodeSdkOnEmulator {
  readonly baseUrl: string
  readonly sdk: ReturnType<typeof DescopeClient>
}

export const nodeSdkOnEmulator = (
  projectId: string,
  managementKey: string,
  ready: (loopback: NodeSdkOnEmulator) => void
): void => {
  const runtime = ManagedRuntime.make(
    Emulator.layerServer().pipe(Layer.provideMerge(Emulator.layer({ projectId, managementKey })))
  )
  beforeAll(async () => {
    const { baseUrl } = await runtime.runPromise(Emulator.EmulatorServer)
    ready({ baseUrl, sdk: DescopeClient({ projectId, baseUrl, managementKey }) })
  })
  afterAll(() => runtime.dispose())
}
