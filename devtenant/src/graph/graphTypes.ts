/**
 * Graph's type with every property present and none null: how the local tenant holds a value it always returns in
 * full (Graph fills defaults, e.g. every property of a recurrence pattern). Stored shapes are derived from
 * `@microsoft/microsoft-graph-types` with this, never written again by hand.
 */
export type Complete<T> = { [Key in keyof T]-?: NonNullable<T[Key]> };
