/**
 * One HTTP exchange over node:http, with full control of the request: any
 * header (browsers' `Origin` included, which `fetch` would not let a page
 * set), a body sent with `Content-Length` or chunked. Loopback only.
 */
import * as Http from "node:http"

export interface RawAnswer {
  readonly status: number
  readonly headers: Http.IncomingHttpHeaders
  readonly text: string
  readonly json: Record<string, unknown>
}

export interface RawRequest {
  readonly method?: string
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** Send the body in chunks without `Content-Length`. */
  readonly chunked?: boolean
}

export const rawRequest = (baseUrl: string, request: RawRequest): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const url = new URL(request.path, baseUrl)
    const body = request.body
    const headers: Record<string, string> = { ...request.headers }
    if (body !== undefined && request.chunked !== true) headers["content-length"] = String(Buffer.byteLength(body))
    let responded = false
    const req = Http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: request.method ?? "GET",
        headers,
        agent: false
      },
      (res) => {
        responded = true
        const chunks: Array<Buffer> = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("error", reject)
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8")
          let json: Record<string, unknown> = {}
          try {
            const parsed: unknown = text === "" ? {} : JSON.parse(text)
            if (typeof parsed === "object" && parsed !== null) json = parsed as Record<string, unknown>
          } catch {
            json = {}
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
        })
      }
    )
    // the server may answer (413) and close before the whole body is written: the answer counts
    req.on("error", (e) => {
      if (!responded) reject(e)
    })
    if (body === undefined) {
      req.end()
    } else if (request.chunked === true) {
      const size = 64 * 1024
      for (let i = 0; i < body.length; i += size) req.write(body.slice(i, i + size))
      req.end()
    } else {
      req.end(body)
    }
  })
