/**
 * descope-effect/node: what only Node needs.
 *
 * - `UndiciHttpClient`: a lean `HttpClient` over undici's `request` API, the
 *   fastest transport for the client on Node (requires `undici` and
 *   `@effect/platform-node`).
 *
 * @since 0.1.0
 */

// first: an unsupported `effect` fails here, with one sentence naming the versions
import "../internal/effectVersion.js"

/** @since 0.1.0 */
export * as UndiciHttpClient from "../layers/UndiciHttpClient.js"
