// Property test: the JSON body of every server answer (400, 401, 403, 429, 503) built by
// `ServerError.bodyOf` (a copy of the error's own fields, no Schema on the 401 path) is exactly
// what `Schema.encodeSync(ServerFailure)` gives, the independent oracle, and serialises to the
// same JSON text (same members, same order). Errors are generated from the classes' own schemas.
import { assert, describe, it } from "@effect/vitest"
import * as Arbitrary from "effect/Arbitrary"
import * as fc from "effect/FastCheck"
import * as Schema from "effect/Schema"
import { InvalidSessionError } from "../src/core/DescopeError.js"
import * as ServerError from "../src/server/ServerError.js"

describe("ServerError.bodyOf", () => {
  it("equals Schema.encodeSync(ServerFailure) for every generated answer", () => {
    fc.assert(
      fc.property(Arbitrary.make(ServerError.ServerFailure), (error) => {
        const oracle = Schema.encodeSync(ServerError.ServerFailure)(error)
        const body = ServerError.bodyOf(error)
        assert.deepStrictEqual(body, oracle)
        assert.strictEqual(JSON.stringify(body), JSON.stringify(oracle))
      }),
      { numRuns: 500 }
    )
  })

  it("the constructors' answers too, and the body is a copy the caller may change", () => {
    const errors: ReadonlyArray<ServerError.ServerFailure> = [
      ServerError.missingToken("a bearer token"),
      ServerError.fromInvalidSession(
        new InvalidSessionError({ reason: "Expired", description: "the token has expired" })
      ),
      new ServerError.DescopeForbidden({
        errorCode: "Forbidden",
        errorDescription: "Insufficient roles or permissions",
        missingRoles: ["admin"],
        missingPermissions: []
      })
    ]
    for (const error of errors) {
      const body = ServerError.bodyOf(error)
      assert.deepStrictEqual(body, Schema.encodeSync(ServerError.ServerFailure)(error))
      if (Array.isArray(body.missingRoles)) {
        ;(body.missingRoles as Array<string>).push("changed")
        assert.deepStrictEqual((error as ServerError.DescopeForbidden).missingRoles, ["admin"])
      }
    }
  })
})
