import type { ColumnDataType } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * The one dialect difference the migrations have: an auto-numbered primary key is `serial` in PostgreSQL and
 * `integer primary key autoincrement` in SQLite.
 */
export function autoIncrementKey(
  dialect: Dialect,
): [ColumnDataType, <T extends { primaryKey(): T; autoIncrement(): T }>(col: T) => T] {
  return dialect === 'postgres'
    ? ['serial', (col) => col.primaryKey()]
    : ['integer', (col) => col.primaryKey().autoIncrement()];
}
