import type { Migration } from 'kysely';
import type { Dialect } from '../database.js';
import { organisationsAndUsers } from './0001_organisations_and_users.js';
import { invitationsAndAccessRequests } from './0002_invitations_and_access_requests.js';
import { jobsAndMailboxLimits } from './0003_jobs_and_mailbox_limits.js';
import { eventsAndSync } from './0004_events_and_sync.js';
import { contactFieldMappings } from './0006_contact_field_mappings.js';
import { contacts } from './0005_contacts.js';
import { eventExceptions } from './0007_event_exceptions.js';
import { bindingReviews } from './0008_binding_reviews.js';
import { eventListingIndexes } from './0009_event_listing_indexes.js';
import { jobQueue } from './0010_job_queue.js';
import { syncSetAside } from './0011_sync_set_aside.js';
import { linkFailureTargets } from './0012_link_failure_targets.js';
import { userRoles } from './0013_user_roles.js';
import { changeIndexes } from './0014_change_indexes.js';
import { noFailedBindings } from './0015_no_failed_bindings.js';
import { filedMails } from './0016_filed_mails.js';
import { mailFilingDecisions } from './0017_mail_filing_decisions.js';
import { filesOnSend } from './0018_files_on_send.js';

/** Every migration in order; names are permanent once released. */
export function allMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_organisations_and_users': organisationsAndUsers(dialect),
    '0002_invitations_and_access_requests': invitationsAndAccessRequests(),
    '0003_jobs_and_mailbox_limits': jobsAndMailboxLimits(),
    '0004_events_and_sync': eventsAndSync(dialect),
    '0005_contacts': contacts(),
    '0006_contact_field_mappings': contactFieldMappings(),
    '0007_event_exceptions': eventExceptions(),
    '0008_binding_reviews': bindingReviews(),
    '0009_event_listing_indexes': eventListingIndexes(),
    '0010_job_queue': jobQueue(dialect),
    '0011_sync_set_aside': syncSetAside(dialect),
    '0012_link_failure_targets': linkFailureTargets(),
    '0013_user_roles': userRoles(),
    '0014_change_indexes': changeIndexes(),
    '0015_no_failed_bindings': noFailedBindings(),
    '0016_filed_mails': filedMails(),
    '0017_mail_filing_decisions': mailFilingDecisions(),
    '0018_files_on_send': filesOnSend(),
  };
}
