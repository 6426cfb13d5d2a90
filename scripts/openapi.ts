/**
 * Generates docs/openapi/backend.json: the OpenAPI document of the example
 * backend (examples/backend/Api.ts), as `HttpApiBuilder` serves it, with the
 * Descope security schemes of `DescopeSecurity` and its 401 / 403 / 503 answers.
 *
 *   npm run openapi          # rewrites docs/openapi/backend.json
 *
 * test/docs-openapi.test.ts checks that the file is up to date.
 */
import * as OpenApi from "@effect/platform/OpenApi"
import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { BackendApi } from "../examples/backend/Api.js"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/** The output file. */
export const openApiFile = path.join(root, "docs", "openapi", "backend.json")

/** The document, as written to the file. */
export const render = (): string => `${JSON.stringify(OpenApi.fromApi(BackendApi), null, 2)}\n`

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(path.dirname(openApiFile), { recursive: true })
  fs.writeFileSync(openApiFile, render())
  console.log(`wrote ${path.relative(root, openApiFile)}`)
}
