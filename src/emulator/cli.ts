#!/usr/bin/env node
/**
 * The `descope-emulator` executable: see `EmulatorCli` for the flags.
 *
 * @since 0.1.0
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { main } from "./EmulatorCli.js"

NodeRuntime.runMain(main(process.argv.slice(2)), { disableErrorReporting: true })
