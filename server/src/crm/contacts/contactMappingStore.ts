import type { Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import { DEFAULT_CONTACT_MAPPING, validateMapping, type ContactMapping } from './fieldMapping.js';

/** The user's saved mapping, or the default one (docs/product-rules.md#r-contact-mapping) until they save their own. */
export async function contactMappingFor(
  db: Kysely<Database>,
  userId: string,
): Promise<{ mapping: ContactMapping; isDefault: boolean }> {
  const row = await db
    .selectFrom('contact_field_mappings')
    .select(['mapping'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row
    ? { mapping: JSON.parse(row.mapping) as ContactMapping, isDefault: false }
    : { mapping: DEFAULT_CONTACT_MAPPING, isDefault: true };
}

/** Saves a mapping after validating it; an invalid one changes nothing and says what is wrong, row by row. */
export async function saveContactMapping(
  db: Kysely<Database>,
  userId: string,
  mapping: ContactMapping,
  now: Date,
): Promise<void> {
  const problems = validateMapping(mapping);
  if (problems.length) throw new AppError('mapping_invalid', `${problems.length} problem(s)`, {}, problems);
  const values = { user_id: userId, mapping: JSON.stringify(mapping), updated_at: now.toISOString() };
  await db
    .insertInto('contact_field_mappings')
    .values(values)
    .onConflict((conflict) =>
      conflict.column('user_id').doUpdateSet({ mapping: values.mapping, updated_at: values.updated_at }),
    )
    .execute();
}
