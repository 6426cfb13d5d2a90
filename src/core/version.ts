/**
 * The SDK's name and version, sent as `x-descope-sdk-name` / `x-descope-sdk-version`.
 *
 * @since 0.1.0
 */

/**
 * The SDK name sent in `x-descope-sdk-name`.
 *
 * @since 0.1.0
 * @category constants
 */
export const SDK_NAME = "descope-effect"

/**
 * The SDK version sent in `x-descope-sdk-version` (kept equal to package.json's by a test).
 *
 * @since 0.1.0
 * @category constants
 */
export const SDK_VERSION = "0.1.0"
