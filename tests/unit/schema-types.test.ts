import { describe, expectTypeOf, it } from "vitest";
import * as postgres from "@/db/schema/postgres";
import * as sqlite from "@/db/schema/sqlite";

// lib/ sees one set of table types whichever engine runs (db/schema/index.ts
// types the Postgres tables as the SQLite ones). That is only honest if both
// infer the same rows: these assertions are checked by `npm run typecheck`,
// so a column that differs in name, nullability, kind or default fails the build.

type Tables = { [K in keyof typeof sqlite as (typeof sqlite)[K] extends { $inferSelect: unknown } ? K : never]: (typeof sqlite)[K] };
// A Buffer is compared by name: expectTypeOf cannot walk its overloads. A column of any other kind on one side still differs.
type Named<T> = { [K in keyof T]: T[K] extends Buffer ? (Buffer extends T[K] ? "Buffer" : T[K]) : T[K] };
// insertionOrder is Postgres' stand-in for SQLite's rowid (see schema-parity.test.ts): lib/ never reads it by name.
type Select<S, K extends keyof Tables> = S[K & keyof S] extends { $inferSelect: infer R } ? Named<Omit<R, "insertionOrder">> : never;
type Insert<S, K extends keyof Tables> = S[K & keyof S] extends { $inferInsert: infer R } ? Named<R> : never;
/** True when A and B are the same type (the strict check: neither may widen the other). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** The tables whose rows differ between the two schemas, to read or to insert. */
type Differing = {
  [K in keyof Tables]: Same<Select<typeof postgres, K>, Select<typeof sqlite, K>> extends true
    ? Same<Insert<typeof postgres, K>, Insert<typeof sqlite, K>> extends true
      ? never
      : `${K} (insert)`
    : `${K} (select)`;
}[keyof Tables];

describe("the two schemas' types", () => {
  it("infer the same rows to read and to insert, table by table", () => {
    expectTypeOf<Differing>().toEqualTypeOf<never>();
    expectTypeOf<keyof typeof postgres>().toEqualTypeOf<keyof typeof sqlite>();
  });

  it("would tell a difference apart: a nullable column made required", () => {
    type User = Select<typeof sqlite, "users">;
    expectTypeOf<Same<Select<typeof postgres, "users">, Omit<User, "timeZone"> & { timeZone: string }>>().toEqualTypeOf<false>();
    expectTypeOf<Same<Select<typeof postgres, "users">, User>>().toEqualTypeOf<true>();
  });
});
