#!/usr/bin/env node
/**
 * The `descope-emulator` executable: see `EmulatorCli` for the flags.
 *
 * It needs `@effect/platform-node` (an optional peer of descope-effect, which
 * in-process users do not install) besides `effect` and `@effect/platform`:
 * when one of them is missing it says which, in one line, and exits 1 —
 * never a module-resolution stack. An installed `effect` it cannot run on
 * (effect 4, which cannot even be linked against our modules) gets the same
 * treatment, checked from `effect`'s package.json before anything of `effect`
 * loads. Everything is loaded dynamically for these reasons.
 *
 * @since 0.1.0
 */
import { assertSupportedEffect } from "../internal/effectPeer.js"

/** The versions the README's install lines name. */
const RANGES: Readonly<Record<string, string>> = {
  "@effect/platform-node": "@^0.108",
  "@effect/platform": "@^0.97",
  effect: "@^3.22"
}

/** The bare package a failed import could not find, if that is why it failed. */
const missingPackage = (error: unknown): string | undefined => {
  if (typeof error !== "object" || error === null) return undefined
  const code = "code" in error ? error.code : undefined
  const message = "message" in error && typeof error.message === "string" ? error.message : ""
  if (code !== "ERR_MODULE_NOT_FOUND") return undefined
  const name = /Cannot find package '([^']+)'/.exec(message)?.[1]
  return name !== undefined && !name.startsWith(".") && !name.startsWith("/") ? name : undefined
}

const load = async () => {
  try {
    assertSupportedEffect(import.meta.url)
  } catch (error) {
    process.stderr.write(`descope-emulator: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exit(1)
  }
  try {
    const [NodeRuntime, Cli] = await Promise.all([
      import("@effect/platform-node/NodeRuntime"),
      import("./EmulatorCli.js")
    ])
    return { NodeRuntime, Cli }
  } catch (error) {
    const name = missingPackage(error)
    if (name === undefined) throw error
    process.stderr.write(
      `descope-emulator: the package ${name} is not installed; add it: npm install --save-dev ${name}${
        RANGES[name] ?? ""
      }\n`
    )
    process.exit(1)
  }
}

const { Cli, NodeRuntime } = await load()
NodeRuntime.runMain(Cli.main(process.argv.slice(2)), { disableErrorReporting: true })
export {}
