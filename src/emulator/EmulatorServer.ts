/**
 * The loopback door: the emulator's application served by a real HTTP server
 * (`@effect/platform-node`, loaded on demand so that in-process use does not
 * need it). The server is scoped: it stops when its scope closes.
 *
 * @since 0.1.0
 */
import type * as ServeError from "@effect/platform/HttpServerError"
import * as HttpServerRequest from "@effect/platform/HttpServerRequest"
import type * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as OptionalPeer from "../internal/optionalPeer.js"
import { Emulator } from "./Emulator.js"
import { DROP_HEADER } from "./Faults.js"

/**
 * Where a running emulator server listens.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServerInfo {
  readonly hostname: string
  readonly port: number
  /** `http://<hostname>:<port>`: pass it as the SDK's `baseUrl`. */
  readonly baseUrl: string
  /** How many client connections are open right now (`net.Server#getConnections`). */
  readonly connections: Effect.Effect<number>
}

/**
 * The running server.
 *
 * @since 0.1.0
 * @category tags
 */
export class EmulatorServer extends Context.Tag("descope-effect/EmulatorServer")<EmulatorServer, ServerInfo>() {}

/**
 * Server options.
 *
 * @since 0.1.0
 * @category models
 */
export interface ServeOptions {
  /** Port (default 0: any free port). */
  readonly port?: number | undefined
  /** Interface (default `127.0.0.1`). */
  readonly host?: string | undefined
  /** Called with one line per request (`METHOD /path STATUS Nms`); no headers, bodies or query strings. */
  readonly log?: ((line: string) => void) | undefined
  /**
   * How long an idle keep-alive connection stays open (default: Node's, 5 seconds). A client whose pool
   * the caller cannot close (the global `fetch`) keeps its idle sockets until one side times them out.
   */
  readonly keepAliveTimeout?: Duration.DurationInput | undefined
}

/**
 * Starts the server in the current scope.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serve = (
  options: ServeOptions = {}
): Effect.Effect<ServerInfo, ServeError.ServeError, Emulator | Scope.Scope> =>
  Effect.gen(function*() {
    const emulator = yield* Emulator
    const NodeHttp = yield* Effect.promise(() => import("node:http"))
    // the optional peer, loaded here: without it, a defect whose message is one line naming the package to add
    const platformNode = <A>(load: () => Promise<A>): Effect.Effect<A> =>
      Effect.orDieWith(
        OptionalPeer.load({ packageName: "@effect/platform-node", range: "^0.108", feature: "Emulator.serve" }, load),
        (missing) => new Error(missing.message)
      )
    const NodeHttpServer = yield* platformNode(() => import("@effect/platform-node/NodeHttpServer"))
    const NodeHttpServerRequest = yield* platformNode(() => import("@effect/platform-node/NodeHttpServerRequest"))
    const nodeServer = NodeHttp.createServer()
    if (options.keepAliveTimeout !== undefined) {
      nodeServer.keepAliveTimeout = Duration.toMillis(Duration.decode(options.keepAliveTimeout))
    }
    const server = yield* NodeHttpServer.make(() => nodeServer, {
      port: options.port ?? 0,
      host: options.host ?? "127.0.0.1"
    })
    const dropping = (res: HttpServerResponse.HttpServerResponse) =>
      res.headers[DROP_HEADER] === undefined
        ? Effect.succeed(res)
        : Effect.map(HttpServerRequest.HttpServerRequest, (req) => {
          NodeHttpServerRequest.toIncomingMessage(req).socket.destroy()
          return res
        })
    const log = options.log
    const app = Effect.flatMap(emulator.app, dropping)
    const logged = log === undefined ? app : Effect.gen(function*() {
      const req = yield* HttpServerRequest.HttpServerRequest
      const start = yield* Clock.currentTimeMillis
      const res = yield* app
      const end = yield* Clock.currentTimeMillis
      const path = req.url.split("?")[0]
      const status = res.headers[DROP_HEADER] !== undefined ? "dropped" : String(res.status)
      log(`${new Date(end).toISOString()} ${req.method} ${path} ${status} ${end - start}ms`)
      return res
    })
    yield* server.serve(logged)
    const address = server.address
    const hostname = address._tag === "TcpAddress" ? address.hostname : "127.0.0.1"
    const port = address._tag === "TcpAddress" ? address.port : 0
    const connections = Effect.async<number>((resume) => {
      nodeServer.getConnections((error, count) => resume(Effect.succeed(error ? 0 : count)))
    })
    const baseUrl = `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${port}`
    return { hostname, port, baseUrl, connections }
  })

/**
 * The server as a layer over the `Emulator`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: ServeOptions = {}): Layer.Layer<EmulatorServer, ServeError.ServeError, Emulator> =>
  Layer.scoped(EmulatorServer, serve(options))
