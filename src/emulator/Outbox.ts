/**
 * The outbox: every message Descope would send (OTP code, magic link,
 * enchanted link, password reset, invite) is recorded here instead, and the
 * WhatsApp message a NOTP user would send to Descope (`notp`: follow its `link`), readable
 * through the `Emulator` service and the emulator-only route
 * `GET /emulator/outbox`.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * The kinds of message, as a schema (the outbox route decodes its `kind` filter with it).
 *
 * @since 0.2.0
 * @category schemas
 */
export const MessageKind = Schema.Literal(
  "otp",
  "magiclink",
  "enchantedlink",
  "password-reset",
  "invite",
  "update",
  "notp"
)

/**
 * What a message is for.
 *
 * @since 0.1.0
 * @category models
 */
export type MessageKind = typeof MessageKind.Type

/**
 * One recorded message.
 *
 * @since 0.1.0
 * @category models
 */
export interface OutboxMessage {
  readonly id: string
  readonly projectId: string
  readonly kind: MessageKind
  /** `email`, `sms`, `voice`, `whatsapp` or `im`. */
  readonly deliveryMethod: string
  /** The address or number the message went to. */
  readonly to: string
  readonly loginId: string
  /** The OTP code (`otp` messages). */
  readonly code?: string | undefined
  /** The link to follow (magic link, the right enchanted link, reset, invite). */
  readonly link?: string | undefined
  /** The token carried by `link` (its `t` query parameter). */
  readonly token?: string | undefined
  /** All links of an enchanted-link e-mail, keyed by link id (only `linkId`'s works). */
  readonly links?: Readonly<Record<string, string>> | undefined
  readonly linkId?: string | undefined
  readonly pendingRef?: string | undefined
  /** Epoch milliseconds (emulator time). */
  readonly sentAt: number
}

/**
 * A filter over the outbox.
 *
 * @since 0.1.0
 * @category models
 */
export interface Filter {
  readonly projectId?: string | undefined
  readonly loginId?: string | undefined
  readonly kind?: MessageKind | undefined
}

/**
 * Whether a message matches a filter.
 *
 * @since 0.1.0
 * @category guards
 */
export const matches = (m: OutboxMessage, f: Filter): boolean =>
  (f.projectId === undefined || m.projectId === f.projectId) &&
  (f.loginId === undefined || m.loginId.toLowerCase() === f.loginId.toLowerCase()) &&
  (f.kind === undefined || m.kind === f.kind)
