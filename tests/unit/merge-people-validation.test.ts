import { describe, expect, it } from "vitest";
import { z } from "zod";
import { mergePeopleSchema } from "@/lib/validation/merge-people";

const errors = (input: unknown) => {
  const parsed = mergePeopleSchema.safeParse(input);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

describe("mergePeopleSchema", () => {
  it("accepts two different people", () => {
    expect(mergePeopleSchema.parse({ keepId: "a", mergeId: "b" })).toEqual({ keepId: "a", mergeId: "b" });
  });

  it("a person merged into themselves is an error on the person chosen", () => {
    expect(errors({ keepId: "a", mergeId: "a" })).toEqual({ mergeId: ["Choose someone else: a person can't be merged into themselves."] });
  });

  it("no one chosen, or a missing id, says what to do beside the field", () => {
    expect(errors({ keepId: "a", mergeId: "" })).toEqual({ mergeId: ["Choose the person to merge into this one."] });
    expect(errors({ mergeId: "b" })).toEqual({ keepId: ["Open the person to keep, then merge."] });
  });
});
