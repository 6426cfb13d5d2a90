// The fleet's stores over ONE ioredis connection that the layer owns: `@effect/experimental`'s
// BackingPersistence (shared signing keys) and RateLimiterStore (shared pacing, the key lease).
//
// Why not `@effect/experimental`'s own Redis layers: each opens its own connection, attaches no `error`
// listener (ioredis then prints "[ioredis] Unhandled error event" on every reconnect attempt while Redis is
// down) and closes with `quit()` inside `Effect.promise`: with commands still queued while Redis is away,
// `quit()` is queued behind them and rejects, so closing the scope dies (or, with ioredis' default of 20
// retries per request, hangs), and the client goes on reconnecting after its scope closed. Here the
// connection is closed with `disconnect()` (immediate, never fails), connection errors go to the debug log
// (the stores' callers WARN once per outage), and both stores share one connection per instance.
//
// Both scripts read the time from Redis (`TIME`), so every instance of a fleet paces on one clock.
import * as Persistence from "@effect/experimental/Persistence"
import * as RateLimiter from "@effect/experimental/RateLimiter"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Scope from "effect/Scope"
import { Redis, type RedisOptions } from "ioredis"

interface ScriptedRedis extends Redis {
  descopeTokenBucket(
    key: string,
    tokens: number,
    refillMillis: number,
    limit: number,
    overflow: 0 | 1
  ): Promise<number>
  descopeFixedWindow(key: string, tokens: number, refillMillis: number, limit: number): Promise<[number, number]>
}

/** Milliseconds of Redis' own clock, inside a script. */
const redisNow = `local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`

// A bucket is a hash { tokens, at }: the tokens left (negative: owed, when overflow is allowed) as of `at`.
// One token comes back every `refill` ms, up to `limit`. The key expires once it would be full again.
const tokenBucket = `${redisNow}
local take, refill, limit, overflow = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4] == "1"
local state = redis.call("HMGET", KEYS[1], "tokens", "at")
local tokens, at = tonumber(state[1]), tonumber(state[2])
if tokens == nil or at == nil then
  tokens, at = limit, now
end
local back = math.floor((now - at) / refill)
if back > 0 then
  tokens = math.min(limit, tokens + back)
  at = at + back * refill
end
if tokens >= limit then
  at = now
end
local left = tokens - take
if left >= 0 or overflow then
  tokens = left
end
redis.call("HSET", KEYS[1], "tokens", tokens, "at", at)
redis.call("PEXPIRE", KEYS[1], math.max(1, math.ceil((limit - tokens + 1) * refill)))
return left`

// A window is a counter whose time to live grows by `refill` ms per token taken; with a limit, a take that
// would pass it changes nothing and answers the count it would have reached.
const fixedWindow = `local take, refill, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local count = tonumber(redis.call("GET", KEYS[1]) or "0")
local ttl = redis.call("PTTL", KEYS[1])
if ttl < 0 then
  ttl = 0
  count = 0
end
if limit > 0 and count + take > limit then
  return { count + take, ttl }
end
count = count + take
ttl = math.ceil(ttl + refill * take)
redis.call("SET", KEYS[1], count, "PX", ttl)
return { count, ttl }`

/** A client rather than options (by shape: the caller's ioredis may be another copy of the package). */
const isClient = (redis: RedisOptions | Redis): redis is Redis =>
  typeof (redis as Redis).defineCommand === "function" && typeof (redis as Redis).disconnect === "function"

/** Opens the connection for the scope's lifetime; a client the caller passes stays the caller's. */
export const connect = (redis: RedisOptions | Redis): Effect.Effect<ScriptedRedis, never, Scope.Scope> =>
  Effect.map(
    isClient(redis)
      ? Effect.succeed(redis)
      : Effect.acquireRelease(
        Effect.sync(() => {
          // while Redis is away a command waits for one reconnection, not twenty: the stores never wait
          // longer than their own timeout anyway, and nothing piles up
          const client = new Redis({ maxRetriesPerRequest: 1, ...redis })
          client.on("error", (error: Error) => {
            // the stores' callers log the outage once; this keeps ioredis from printing every retry
            Effect.runFork(Effect.logDebug(`descope: redis connection: ${error.message}`))
          })
          return client
        }),
        (client) => Effect.sync(() => client.disconnect())
      ),
    (client) => {
      const scripted = client as ScriptedRedis
      if (typeof scripted.descopeTokenBucket !== "function") {
        client.defineCommand("descopeTokenBucket", { numberOfKeys: 1, lua: tokenBucket })
        client.defineCommand("descopeFixedWindow", { numberOfKeys: 1, lua: fixedWindow })
      }
      return scripted
    }
  )

const backingError = (method: string) => (cause: unknown) => Persistence.PersistenceBackingError.make(method, cause)

const parse = (method: string, text: string | null) =>
  text === null ? Effect.succeedNone : Effect.try({
    try: () => Option.some(JSON.parse(text) as unknown),
    catch: backingError(method)
  })

/** Values as JSON under `<prefix>:<key>`, with their time to live as a Redis expiry. */
export const backingPersistence = (client: ScriptedRedis): Persistence.BackingPersistence =>
  Persistence.BackingPersistence.of({
    [Persistence.BackingPersistenceTypeId]: Persistence.BackingPersistenceTypeId,
    make: (prefix) =>
      Effect.sync(() => {
        const at = (key: string) => `${prefix}:${key}`
        const set = (key: string, value: unknown, ttl: Option.Option<Duration.Duration>) =>
          Effect.tryPromise({
            try: () => {
              const text = JSON.stringify(value)
              return Option.isSome(ttl)
                ? client.set(at(key), text, "PX", Math.max(1, Math.ceil(Duration.toMillis(ttl.value))))
                : client.set(at(key), text)
            },
            catch: backingError("set")
          })
        return {
          get: (key) =>
            Effect.flatMap(
              Effect.tryPromise({ try: () => client.get(at(key)), catch: backingError("get") }),
              (text) => parse("get", text)
            ),
          getMany: (keys) =>
            keys.length === 0 ? Effect.succeed([]) : Effect.flatMap(
              Effect.tryPromise({ try: () => client.mget(keys.map(at)), catch: backingError("getMany") }),
              (texts) => Effect.forEach(texts, (text) => parse("getMany", text))
            ),
          set: (key, value, ttl) => Effect.asVoid(set(key, value, ttl)),
          setMany: (entries) => Effect.forEach(entries, ([key, value, ttl]) => set(key, value, ttl), { discard: true }),
          remove: (key) =>
            Effect.asVoid(Effect.tryPromise({ try: () => client.del(at(key)), catch: backingError("remove") })),
          clear: Effect.tryPromise({
            try: async () => {
              let cursor = "0"
              do {
                const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500)
                if (keys.length > 0) await client.del(...keys)
                cursor = next
              } while (cursor !== "0")
            },
            catch: backingError("clear")
          })
        }
      })
  })

const storeError = (what: string) => (cause: unknown) =>
  new RateLimiter.RateLimitStoreError({ message: `the Redis ${what} script failed`, cause })

/** Token buckets and fixed windows, each one script run atomically in Redis. */
export const rateLimiterStore = (client: ScriptedRedis): RateLimiter.RateLimiterStore["Type"] =>
  RateLimiter.RateLimiterStore.of({
    tokenBucket: (options) =>
      Effect.tryPromise({
        try: () =>
          client.descopeTokenBucket(
            options.key,
            options.tokens,
            Math.max(1, Duration.toMillis(options.refillRate)),
            options.limit,
            options.allowOverflow ? 1 : 0
          ),
        catch: storeError("token bucket")
      }),
    fixedWindow: (options) =>
      Effect.map(
        Effect.tryPromise({
          try: () =>
            client.descopeFixedWindow(
              options.key,
              options.tokens,
              Math.max(1, Duration.toMillis(options.refillRate)),
              options.limit ?? 0
            ),
          catch: storeError("fixed window")
        }),
        ([count, ttl]) => [Number(count), Number(ttl)] as const
      )
  })
