import { z } from 'zod';

/**
 * Every error code the service answers with (`{ error, message }`). Stable: the add-in acts on codes and never on
 * message text. The service gives each its HTTP status and words (server/src/http/errorMessages.ts).
 */
export const ERROR_CODES = [
  'unauthenticated',
  'token_expired',
  'invalid_token',
  'invalid_request',
  'not_found',
  'not_tenant_admin',
  'not_installed',
  'terms_not_accepted',
  'organisation_exists',
  'already_member',
  'invalid_credentials',
  'too_many_attempts',
  'already_linked',
  'install_state_invalid',
  'install_not_confirmed',
  'consent_required',
  'graph_unavailable',
  'not_member',
  'permission_denied',
  'records_permission_denied',
  'upgrade_required',
  'invitation_not_found',
  'invitation_used',
  'invitation_revoked',
  'invitation_expired',
  'invitation_other_address',
  'request_pending',
  'request_not_found',
  'request_already_decided',
  'event_not_found',
  'occurrence_not_found',
  'occurrence_crosses_neighbour',
  'occurrence_times_invalid',
  'event_date_out_of_range',
  'too_many_exceptions',
  'import_too_large',
  'contact_not_found',
  'owner_not_member',
  'import_invalid',
  'payload_too_large',
  'sync_not_possible',
  'sync_not_enabled',
  'mapping_invalid',
  'internal',
  'store_unavailable',
  'set_aside_item_not_found',
  'unstorable_text',
  'body_unreadable',
  'unsupported_media_type',
  'account_deactivated',
  'user_not_found',
  'last_super_admin',
  'super_admin_only',
  'cannot_deactivate_self',
  'mail_not_found',
  'mail_not_in_mailbox',
  'mail_contact_not_involved',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One row-level problem of a refused request (PUT /api/sync/contacts/mapping): row = index in the sent list. */
export const rowProblemSchema = z.object({
  row: z.number().int(),
  code: z.string(),
  /** In the user's language. */
  message: z.string(),
});
export type RowProblem = z.infer<typeof rowProblemSchema>;

/** Every 4xx and 5xx answer of the API; `message` is in the language the request's Accept-Language asked for. */
export const errorBodySchema = z.object({
  error: z.enum(ERROR_CODES),
  message: z.string(),
  problems: z.array(rowProblemSchema).optional(),
});
