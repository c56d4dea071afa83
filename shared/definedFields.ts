/** An object's type with `undefined` taken out of every field (optional fields stay optional). */
export type DefinedFields<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/**
 * Drops the fields that hold `undefined`. zod's optional fields may hold `undefined`; under
 * `exactOptionalPropertyTypes` an SDK's or generated type's optional fields may not.
 */
export function definedFields<T extends object>(value: T): DefinedFields<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined),
  ) as DefinedFields<T>;
}
