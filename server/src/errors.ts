/**
 * A failure the caller can act on, with a stable code. The HTTP layer maps the code to a status and to a
 * message in the user's language; `detail` is for logs and developers only and never reaches a client.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly params: Record<string, string | number> = {},
    /** Per-item problems a form shows next to its fields (already in both languages). */
    readonly problems?: readonly { row: number; code: string; message: Record<'en' | 'de', string> }[],
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
  }
}

export type ErrorCode =
  | 'unauthenticated'
  | 'token_expired'
  | 'invalid_token'
  | 'invalid_request'
  | 'not_found'
  | 'not_tenant_admin'
  | 'not_installed'
  | 'terms_not_accepted'
  | 'organisation_exists'
  | 'already_member'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'already_linked'
  | 'install_state_invalid'
  | 'install_not_confirmed'
  | 'consent_required'
  | 'graph_unavailable'
  | 'not_member'
  | 'permission_denied'
  | 'records_permission_denied'
  | 'upgrade_required'
  | 'invitation_not_found'
  | 'invitation_used'
  | 'invitation_revoked'
  | 'invitation_expired'
  | 'invitation_other_address'
  | 'request_pending'
  | 'request_not_found'
  | 'request_already_decided'
  | 'event_not_found'
  | 'occurrence_not_found'
  | 'occurrence_crosses_neighbour'
  | 'occurrence_times_invalid'
  | 'event_date_out_of_range'
  | 'too_many_exceptions'
  | 'import_too_large'
  | 'contact_not_found'
  | 'owner_not_member'
  | 'import_invalid'
  | 'payload_too_large'
  | 'sync_not_possible'
  | 'sync_not_enabled'
  | 'mapping_invalid'
  | 'internal'
  | 'store_unavailable'
  | 'set_aside_item_not_found'
  | 'unstorable_text'
  | 'body_unreadable'
  | 'unsupported_media_type'
  | 'account_deactivated'
  | 'user_not_found'
  | 'last_super_admin'
  | 'super_admin_only'
  | 'cannot_deactivate_self'
  | 'mail_not_found'
  | 'mail_not_in_mailbox'
  | 'mail_contact_not_involved';
