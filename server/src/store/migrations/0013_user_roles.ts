import { sql, type Kysely } from 'kysely';

/**
 * Each CRM user has a role (their place in the organisation: CEO or Manager) beside their profile (what they may
 * do). Existing Super Admins become CEO, everyone else Manager.
 */
export function userRoles() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('users')
        .addColumn('role', 'text', (col) => col.notNull().defaultTo('manager'))
        .execute();
      await sql`update users set role = 'ceo' where profile = 'super_admin'`.execute(db);
    },
  };
}
