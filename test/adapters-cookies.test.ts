/**
 * The cookie rules the doors share, without a Descope: a cookie the handler's response sets itself wins over
 * the rotated one of the refresh made while authenticating (Answers.notSetByResponse, the adapters'
 * refreshCookiesFor, and yieldToHandlerCookies on real Node responses: node:http, Fastify's stream replies), and
 * the request headers that hand a refresh's rotated cookies on (RequestTokens.cookieHeaderWith /
 * headersWithCookies, the `requestHeaders` of the Next middleware helper).
 */
import * as Duration from "effect/Duration"
import * as Redacted from "effect/Redacted"
import Fastify from "fastify"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import { Readable } from "node:stream"
import { describe, expect, it } from "vitest"
import { refreshCookiesFor, yieldToHandlerCookies } from "../src/adapters/shared.js"
import * as Answers from "../src/server/Answers.js"
import * as RequestTokens from "../src/server/RequestTokens.js"

const cookie = (name: string, value: string): Answers.ResponseCookie => ({
  name,
  value: Redacted.make(value),
  options: { path: "/", httpOnly: true, secure: true, sameSite: "strict", maxAge: Duration.seconds(60) }
})

const ROTATED = ["DS=new.session; Max-Age=60; Path=/; HttpOnly; Secure", "DSR=new.refresh; Path=/; HttpOnly"]
const CLEAR_DS = "DS=; Max-Age=0; Path=/"

describe("a handler's own cookie wins over the refresh's", () => {
  it("setCookieName: the name before the first =", () => {
    expect(Answers.setCookieName("DS=a=b; Path=/")).toBe("DS")
    expect(Answers.setCookieName(" DSR =x")).toBe("DSR")
    expect(Answers.setCookieName("novalue")).toBe("")
  })

  it("notSetByResponse: by name, for Set-Cookie values and ResponseCookies", () => {
    const own = new Set(["DS", "theme"])
    expect(Answers.notSetByResponse(ROTATED, own)).toEqual([ROTATED[1]])
    expect(Answers.notSetByResponse([cookie("DS", "a"), cookie("DSR", "b")], own).map((c) => c.name)).toEqual(["DSR"])
    expect(Answers.notSetByResponse(ROTATED, new Set())).toEqual(ROTATED)
  })

  it("refreshCookiesFor: from the response's own Set-Cookie values", () => {
    expect(refreshCookiesFor(ROTATED, [CLEAR_DS, "DSR=; Max-Age=0; Path=/"])).toEqual([])
    expect(refreshCookiesFor(ROTATED, ["theme=dark"])).toEqual(ROTATED)
    expect(refreshCookiesFor(ROTATED, [])).toEqual(ROTATED)
  })
})

/** Serves `handle` on loopback (the rotated cookies set before it, as Express does), GETs / once. */
const exchange = async (
  setCookies: ReadonlyArray<string>,
  handle: (res: Http.ServerResponse) => void
): Promise<ReadonlyArray<string>> => {
  const server = Http.createServer((_req, res) => {
    if (setCookies.length > 0) res.setHeader("set-cookie", [...setCookies])
    yieldToHandlerCookies(res, setCookies)
    handle(res)
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    await response.text()
    return response.headers.getSetCookie()
  } finally {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

describe("yieldToHandlerCookies: the rotated cookies a Node response set before the handler", () => {
  it("a cookie the handler appends (res.appendHeader) drops the rotated one of its name when the headers go out", async () => {
    const sent = await exchange(ROTATED, (res) => {
      res.appendHeader("set-cookie", CLEAR_DS)
      res.end("ok")
    })
    expect(sent).toEqual([ROTATED[1], CLEAR_DS])
  })

  it("Set-Cookie passed to writeHead (status, [message,] headers), in any case", async () => {
    const withHeaders = await exchange(ROTATED, (res) => {
      res.writeHead(200, { "Set-Cookie": [CLEAR_DS, "theme=dark"] }).end()
    })
    // (headers given to writeHead replace those set before: Node's rule)
    expect(withHeaders).toEqual([CLEAR_DS, "theme=dark"])
    const withMessage = await exchange(ROTATED, (res) => {
      res.writeHead(200, "OK", { "set-cookie": "DSR=; Max-Age=0; Path=/" }).end()
    })
    expect(withMessage).toEqual(["DSR=; Max-Age=0; Path=/"])
  })

  it("the handler's other cookies leave the rotated ones; no rotated cookies, nothing changes", async () => {
    const other = await exchange(ROTATED, (res) => {
      res.appendHeader("set-cookie", "theme=dark")
      res.end()
    })
    expect(other).toEqual([...ROTATED, "theme=dark"])
    const none = await exchange([], (res) => {
      res.setHeader("set-cookie", [CLEAR_DS])
      res.end()
    })
    expect(none).toEqual([CLEAR_DS])
  })

  it("Fastify: reply headers (writeHead's) and a stream reply (set on the Node response first)", async () => {
    const app = Fastify()
    const preHandler = async (
      _request: unknown,
      reply: { header: (k: string, v: unknown) => unknown; raw: Http.ServerResponse }
    ) => {
      reply.header("set-cookie", [...ROTATED])
      yieldToHandlerCookies(reply.raw, ROTATED)
    }
    app.get("/json", { preHandler }, async (_request, reply) => {
      reply.header("set-cookie", CLEAR_DS)
      return { ok: true }
    })
    app.get("/stream", { preHandler }, async (_request, reply) => {
      reply.header("set-cookie", CLEAR_DS)
      return reply.type("text/plain").send(Readable.from(["a", "b"]))
    })
    const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" })
    try {
      for (const path of ["/json", "/stream"]) {
        const response = await fetch(`${baseUrl}${path}`)
        await response.text()
        expect(response.headers.getSetCookie(), path).toEqual([ROTATED[1], CLEAR_DS])
      }
    } finally {
      await app.close()
    }
  })
})

describe("the request headers that hand a refresh's rotated cookies on", () => {
  const rotated = [cookie("DS", "new.session"), cookie("DSR", "new.refresh")]

  it("cookieHeaderWith: new values in place, other cookies kept, a later duplicate dropped, absent ones added", () => {
    expect(RequestTokens.cookieHeaderWith("theme=dark; DS=old.session; a; DSR=old.refresh; x=1", rotated)).toBe(
      "theme=dark; DS=new.session; a; DSR=new.refresh; x=1"
    )
    // the first DS is read: the one replaced; the later one goes
    expect(RequestTokens.cookieHeaderWith("DS=x; DS=y", rotated)).toBe("DS=new.session; DSR=new.refresh")
    expect(RequestTokens.cookieHeaderWith("DSR=old", [rotated[0]!])).toBe("DSR=old; DS=new.session")
    expect(RequestTokens.cookieHeaderWith(undefined, rotated)).toBe("DS=new.session; DSR=new.refresh")
    // a cleared cookie is removed; values are written as a browser would send them back
    expect(RequestTokens.cookieHeaderWith("DS=old; DSR=old", [cookie("DS", ""), cookie("DSR", "a b")])).toBe(
      "DSR=a%20b"
    )
    expect(RequestTokens.cookieHeaderWith("theme=dark", [])).toBe("theme=dark")
  })

  it("headersWithCookies: a copy, its Cookie header rewritten; unchanged without cookies", () => {
    const headers = new Headers({ cookie: "theme=dark; DS=old.session; DSR=old.refresh", "x-tag": "a" })
    const handed = RequestTokens.headersWithCookies(headers, rotated)
    expect(handed.get("cookie")).toBe("theme=dark; DS=new.session; DSR=new.refresh")
    expect(handed.get("x-tag")).toBe("a")
    expect(headers.get("cookie")).toBe("theme=dark; DS=old.session; DSR=old.refresh")
    const unchanged = RequestTokens.headersWithCookies(headers, [])
    expect(unchanged).not.toBe(headers)
    const entries = (h: Headers) => {
      const all: Array<[string, string]> = []
      h.forEach((value, name) => all.push([name, value]))
      return all
    }
    expect(entries(unchanged)).toEqual(entries(headers))
    expect(RequestTokens.headersWithCookies(new Headers({ cookie: "DS=old" }), [cookie("DS", "")]).has("cookie"))
      .toBe(false)
  })
})
