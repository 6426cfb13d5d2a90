/**
 * The Descope emulator: Descope's wire protocol served from memory, so tests,
 * demos and users' own test suites run Descope flows offline, fast and
 * deterministically. Any Descope client works against it — ours and the
 * official `@descope/node-sdk` (set its `baseUrl`).
 *
 * - **State**, per project: users, tenants, roles, permissions, access keys,
 *   SSO settings, groups, server-side sessions (refresh tokens revocable by
 *   logout), codes and links, an outbox and an audit trail. Changes run under a
 *   per-project lock, so they are atomic under concurrent requests.
 * - **Tokens**: real JWTs (ES384 by default, RS256 option) with the claims of
 *   Descope (`iss`, `sub`, `drn`, `roles`, `permissions`, `tenants`, `dct`,
 *   `amr`, custom claims), published at `GET /v2/keys/{projectId}`. Key
 *   rotation keeps the old key published until its tokens have expired.
 * - **Time** comes only from Effect's `Clock` (captured when the emulator is
 *   made) plus {@link Service.advanceTime}; lifetimes are configurable.
 *   {@link layerClock} runs your application on that time, so advancing it
 *   expires the emulator's sessions for your app too.
 * - **Outbox**: every OTP code, magic link, enchanted link (all three links),
 *   reset and invite is recorded: `outbox` / `lastMessage`, or
 *   `GET /emulator/outbox?loginId=`.
 * - **Faults** on demand per path pattern: latency, a status burst, 429 with
 *   `Retry-After`, a malformed body, a dropped connection; and an optional
 *   real per-project rate limiter.
 * - **Wire**: Descope error bodies for every failure (400 malformed JSON or
 *   missing fields, 401 wrong key, 404 unknown path, 405 wrong method), JSON
 *   `null` read as absent, both path families and spellings where the node and
 *   python SDKs differ, tokens in the body or (`refreshTokenDelivery`) in
 *   `DS`/`DSR` cookies, CORS for the browser origins you name (`corsOrigins`; off by
 *   default), request bodies capped (`maxBodyBytes`, 1 MiB). Management flow runs echo their input.
 * - **Every authentication flow**: passkeys verified for real (drive them with
 *   {@link VirtualAuthenticator}), NOTP confirmed through the outbox, One Tap
 *   and native OAuth with the emulated provider's ID tokens
 *   (`POST /emulator/idp/idtoken`), outbound connect, and a built-in
 *   `sign-up-or-in` flow for the flow runner.
 *
 * Under `TestClock` the emulator's time starts at the epoch like the clock
 * itself; the SDK under test must use the same clock (ours does; `node-sdk`
 * uses the real one, so run it against an emulator made with the live clock).
 *
 * Three doors:
 * 1. {@link layerHttpClient}: an `HttpClient` routed straight into the emulator, no socket.
 * 2. {@link serve} / {@link layerServer}: a real server on 127.0.0.1 (needs `@effect/platform-node`).
 * 3. The command `descope-emulator --port 4000 --project-id <id> --management-key <key>`
 *    (`npm run emulator -- ...` in this repository).
 *
 * ```ts
 * import * as Emulator from "descope-effect/emulator"
 *
 * const TestLive = Emulator.layerHttpClient.pipe(Layer.provideMerge(Emulator.layer({ projectId: "P2abc..." })))
 * ```
 *
 * Emulator-only routes (no authentication; `?projectId=` selects a project):
 * `GET /emulator`, `GET|DELETE /emulator/outbox`, `GET /emulator/time`,
 * `POST /emulator/time/advance {seconds|millis}`, `POST /emulator/keys/rotate`,
 * `GET|POST|DELETE /emulator/faults`, `DELETE /emulator/faults/:id`,
 * `POST /emulator/identities/oauth|sso`, `POST /emulator/groups`,
 * `GET /emulator/audit`, `POST /emulator/reset`, `POST /emulator/projects`
 * (a fresh, optionally seeded project per test), `DELETE /emulator/projects/:id`,
 * `GET /emulator/export`, `POST /emulator/import` (a project as a `Seed` document),
 * and `GET /emulator/idp/authorize` (the emulated OAuth/SSO provider): see
 * docs/emulator.md for their requests and answers.
 *
 * @since 0.1.0
 */

// first: an unsupported `effect` fails here, with one sentence naming the versions
import "../internal/effectVersion.js"

/** @since 0.1.0 */
export {
  config,
  DEFAULT_MANAGEMENT_KEY,
  DEFAULT_PROJECT_ID,
  Emulator,
  layer,
  make,
  type Options,
  type Service
} from "./Emulator.js"
/**
 * The emulator's clock, for the application under test: see `layerClock`.
 *
 * @since 0.2.0
 * @category layers
 */
export { clock, layerClock } from "./Emulator.js"
/**
 * @since 0.1.0
 * @category layers
 */
export { layer as layerHttpClient, make as makeHttpClient } from "./EmulatorHttpClient.js"
/**
 * @since 0.1.0
 * @category layers
 */
export { EmulatorServer, layer as layerServer, serve, type ServeOptions, type ServerInfo } from "./EmulatorServer.js"
/**
 * @since 0.1.0
 * @category models
 */
export type { Filter as OutboxFilter, MessageKind, OutboxMessage } from "./Outbox.js"
/**
 * @since 0.1.0
 * @category models
 */
export type { Fault, FaultSpec } from "./Faults.js"
/**
 * @since 0.1.0
 * @category models
 */
export type { AuditEvent, Identity } from "./EmulatorState.js"
/**
 * @since 0.1.0
 * @category models
 */
export type { Algorithm } from "./EmulatorKeys.js"
/**
 * The resolved configuration (`config(options)`) and its password policy.
 *
 * @since 0.2.0
 * @category models
 */
export type { Config } from "./Handler.js"
/** @since 0.2.0 */
export type { Policy } from "./Password.js"
/**
 * @since 0.1.0
 * @category modules
 */
export * as Totp from "./Totp.js"
/**
 * Seeds and snapshots of emulated projects: the `Seed` schema, `decode`
 * (errors name the field) and `parseText` (JSON, or YAML with `js-yaml`).
 *
 * @since 0.2.0
 * @category modules
 */
export * as Seed from "./Seed.js"
/**
 * A seed that does not fit (`Seed.decode`, `importProject`): the field and why.
 *
 * @since 0.2.0
 * @category errors
 */
export { SeedError } from "./Seed.js"
/**
 * One request of the inspector's list (`requests`, `GET /emulator/requests`).
 *
 * @since 0.2.0
 * @category models
 */
export type { RequestRecord } from "./Handler.js"
/**
 * What the inspector shows of a request or response body: its size, and its
 * JSON with every string not known to be harmless redacted.
 *
 * @since 0.2.0
 * @category models
 */
export type { RedactedBody } from "./Handler.js"
/**
 * A virtual WebAuthn authenticator for tests: `VirtualAuthenticator.make({ origin })`
 * creates credentials (ES256 or RS256) and signs assertions from the options of
 * the WebAuthn start calls.
 *
 * @since 0.2.0
 * @category modules
 */
export * as VirtualAuthenticator from "./VirtualAuthenticator.js"
/**
 * Options a virtual authenticator cannot answer (`VirtualAuthenticator.create` / `get`).
 *
 * @since 0.2.0
 * @category errors
 */
export { VirtualAuthenticatorError } from "./VirtualAuthenticator.js"
