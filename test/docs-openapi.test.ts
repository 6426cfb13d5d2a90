// docs/openapi/backend.json is the OpenAPI document of the example backend (examples/backend/Api.ts) as the
// builder renders it: up to date (npm run openapi regenerates it), with the Descope security schemes on the
// protected endpoints only, and their 401 / 403 / 503 answers.
import { assert, describe, it } from "@effect/vitest"
import * as fs from "node:fs"
import { openApiFile, render } from "../scripts/openapi.js"

interface Operation {
  readonly security: ReadonlyArray<Record<string, ReadonlyArray<string>>>
  readonly responses: Record<string, unknown>
}

const document = JSON.parse(fs.readFileSync(openApiFile, "utf8")) as {
  readonly paths: Record<string, Record<string, Operation>>
  readonly components: { readonly securitySchemes: Record<string, Record<string, unknown>> }
}

const operation = (method: string, path: string): Operation => {
  const found = document.paths[path]?.[method]
  assert.isDefined(found, `${method} ${path}`)
  return found!
}

describe("docs/openapi/backend.json", () => {
  it("is up to date (npm run openapi regenerates it)", () => {
    assert.strictEqual(
      fs.readFileSync(openApiFile, "utf8"),
      render(),
      "docs/openapi/backend.json is stale: run npm run openapi"
    )
  })

  it("declares the bearer (JWT) and DS cookie schemes", () => {
    const schemes = document.components.securitySchemes
    assert.deepInclude(schemes["descopeBearer"], { type: "http", scheme: "bearer", bearerFormat: "JWT" })
    assert.deepInclude(schemes["descopeCookie"], { type: "apiKey", in: "cookie", name: "DS" })
  })

  it("the protected endpoints name both schemes and answer 401 / 503, the guarded one 403", () => {
    for (const [method, path] of [["get", "/me"], ["get", "/tenants/{tenantId}/admin"]] as const) {
      const op = operation(method, path)
      assert.deepStrictEqual(op.security, [{ descopeBearer: [] }, { descopeCookie: [] }], path)
      for (const status of ["401", "503"]) assert.property(op.responses, status, `${path} ${status}`)
    }
    assert.property(operation("get", "/tenants/{tenantId}/admin").responses, "403")
    assert.notProperty(operation("get", "/me").responses, "403")
  })

  it("the public endpoints need no security", () => {
    for (const path of ["/auth/otp/sign-up-or-in", "/auth/otp/verify", "/auth/refresh", "/auth/logout"]) {
      assert.deepStrictEqual(operation("post", path).security, [], path)
    }
  })
})
