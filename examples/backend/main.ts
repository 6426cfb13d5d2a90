/**
 * Runs example 1 on a port against a real Descope project (or any emulator
 * you point it at):
 *
 * ```sh
 * DESCOPE_PROJECT_ID=P2... PORT=3000 npx tsx examples/backend/main.ts
 * npm run emulator -- --port 4000 &
 * DESCOPE_BASE_URL=http://127.0.0.1:4000 DESCOPE_PROJECT_ID=P2EmulatorProject00000000000 \
 *   npx tsx examples/backend/main.ts
 * ```
 *
 * The client layer is provided once, here, at the edge of the program, over
 * `UndiciHttpClient` (`descope-effect/node`), the leanest transport on Node.
 *
 * @since 0.1.0
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as HttpServer from "@effect/platform/HttpServer"
import * as Layer from "effect/Layer"
import { pathToFileURL } from "node:url"
import * as Descope from "../../src/layers/Descope.js"
import * as UndiciHttpClient from "../../src/layers/UndiciHttpClient.js"
import * as Backend from "./Backend.js"

/**
 * The backend on `PORT` (default 3000), with the client configured from the environment.
 *
 * @since 0.1.0
 * @category layers
 */
export const MainLive = Backend.layerServer({ port: Number(process.env["PORT"] ?? 3000) }).pipe(
  HttpServer.withLogAddress,
  Layer.provide(Descope.layerConfig().pipe(Layer.provide(UndiciHttpClient.layer)))
)

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  NodeRuntime.runMain(Layer.launch(MainLive))
}
