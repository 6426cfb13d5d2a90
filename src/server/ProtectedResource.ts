/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728), the document an MCP
 * client reads to find the authorization server of a protected MCP server:
 * serve {@link metadata} at {@link WELL_KNOWN_PATH} and set
 * `resourceMetadata` (its URL) in the authentication options, so that every
 * 401 / 403 challenge names it (`WWW-Authenticate: Bearer
 * resource_metadata="..."`). No Node-only import.
 *
 * @example
 * ```ts
 * import { ProtectedResource } from "descope-effect/server"
 *
 * const resource = "https://mcp.example.com"
 * export const document = ProtectedResource.metadata({
 *   resource,
 *   authorizationServers: ["https://auth.example.com"],
 *   scopesSupported: ["read:things"]
 * })
 * export const options = { resourceMetadata: ProtectedResource.metadataUrl(resource) }
 * ```
 *
 * @since 0.2.0
 */

/**
 * The well-known path of the metadata (RFC 9728 §3).
 *
 * @since 0.2.0
 * @category constants
 */
export const WELL_KNOWN_PATH = "/.well-known/oauth-protected-resource"

/**
 * What the metadata says.
 *
 * @since 0.2.0
 * @category models
 */
export interface Options {
  /** The resource identifier: the HTTPS URL of the protected resource. */
  readonly resource: string
  /** The issuers of the authorization servers that issue tokens for it. */
  readonly authorizationServers?: ReadonlyArray<string> | undefined
  /** The scopes it understands. */
  readonly scopesSupported?: ReadonlyArray<string> | undefined
  /** How tokens are sent (default `["header"]`). */
  readonly bearerMethodsSupported?: ReadonlyArray<"header" | "body" | "query"> | undefined
  /** The URL of the signing keys of the tokens. */
  readonly jwksUri?: string | undefined
  /** A human-readable name. */
  readonly resourceName?: string | undefined
  /** A page documenting it. */
  readonly resourceDocumentation?: string | undefined
}

/**
 * The metadata document (RFC 9728 §2), with the standard's snake_case names.
 *
 * @since 0.2.0
 * @category models
 */
export interface Metadata {
  readonly resource: string
  readonly authorization_servers?: ReadonlyArray<string>
  readonly scopes_supported?: ReadonlyArray<string>
  readonly bearer_methods_supported: ReadonlyArray<string>
  readonly jwks_uri?: string
  readonly resource_name?: string
  readonly resource_documentation?: string
}

/**
 * Builds the metadata document; absent fields are left out.
 *
 * @since 0.2.0
 * @category constructors
 */
export const metadata = (options: Options): Metadata => ({
  resource: options.resource,
  ...(options.authorizationServers !== undefined ? { authorization_servers: options.authorizationServers } : {}),
  ...(options.scopesSupported !== undefined ? { scopes_supported: options.scopesSupported } : {}),
  bearer_methods_supported: options.bearerMethodsSupported ?? ["header"],
  ...(options.jwksUri !== undefined ? { jwks_uri: options.jwksUri } : {}),
  ...(options.resourceName !== undefined ? { resource_name: options.resourceName } : {}),
  ...(options.resourceDocumentation !== undefined ? { resource_documentation: options.resourceDocumentation } : {})
})

/**
 * The URL of the metadata of a resource (RFC 9728 §3.1): the well-known path
 * inserted between the host and the resource's path
 * (`https://api.example.com/mcp` → `https://api.example.com/.well-known/oauth-protected-resource/mcp`).
 *
 * @since 0.2.0
 * @category getters
 */
export const metadataUrl = (resource: string): string => {
  const url = new URL(resource)
  const path = url.pathname === "/" ? "" : url.pathname
  return `${url.origin}${WELL_KNOWN_PATH}${path}`
}
