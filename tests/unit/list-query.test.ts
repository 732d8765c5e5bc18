import { describe, expect, it } from "vitest";
import { activeFilterCount, directionChoices, formValuesOf, hrefForForm, type ListFormValues } from "@/lib/applications/list-query";
import { applicationFilterSchema, applicationsHref, directionOf } from "@/lib/validation/application-filter";
import { peopleHref } from "@/lib/people/people-href";

const blank: ListFormValues = { q: "", status: "", stars: "", sort: "updated", dir: "", size: "50", overdue: false, soon: false, archived: false };

describe("the list's query string from its filter bar", () => {
  it("an untouched bar is the bare list; defaults stay out of the URL", () => {
    expect(hrefForForm(blank)).toBe("/applications");
  });

  it("carries each filter, trims the search and always starts at page 1", () => {
    expect(hrefForForm({ ...blank, q: "  acme ", status: "interviewing", stars: "4", overdue: true, soon: true, archived: true, size: "25" })).toBe(
      "/applications?q=acme&status=interviewing&overdue=1&soon=1&stars=4&archived=1&size=25",
    );
    expect(hrefForForm({ ...blank, q: "   " })).toBe("/applications");
  });

  it("names the direction only when it is not the sort's natural one", () => {
    expect(hrefForForm({ ...blank, sort: "company", dir: "asc" })).toBe("/applications?sort=company");
    expect(hrefForForm({ ...blank, sort: "company", dir: "desc" })).toBe("/applications?sort=company&dir=desc");
    expect(hrefForForm({ ...blank, dir: "asc" })).toBe("/applications?dir=asc");
    expect(hrefForForm({ ...blank, dir: "sideways" })).toBe("/applications");
  });

  it("reads back to the same bar: URL -> filter -> bar -> URL is stable", () => {
    for (const query of ["q=acme&status=closed&dir=asc", "sort=excitement&dir=asc&stars=3", "soon=1&size=100&sort=next-step"]) {
      const filter = applicationFilterSchema.parse(Object.fromEntries(new URLSearchParams(query)));
      expect(hrefForForm(formValuesOf(filter))).toBe(applicationsHref(filter, null));
    }
  });

  it("keeps an import's filter while other fields change", () => {
    const imported = "0b7f0c39-5d3e-4d5e-9d0e-7f1f2b7c9a10";
    expect(hrefForForm({ ...blank, imported, q: "x" })).toBe(`/applications?q=x&imported=${imported}`);
  });
});

describe("the phone's Filters count and the order choices", () => {
  it("counts what narrows the list, not the search, the sort or the page size", () => {
    expect(activeFilterCount(blank)).toBe(0);
    expect(activeFilterCount({ ...blank, q: "acme", sort: "company", size: "25" })).toBe(0);
    expect(activeFilterCount({ ...blank, status: "open", stars: "2", overdue: true, soon: true, archived: true })).toBe(5);
  });

  it("offers the natural direction first, in the sort's own words", () => {
    expect(directionChoices("company")).toEqual([
      { value: "asc", label: "A to Z" },
      { value: "desc", label: "Z to A" },
    ]);
    expect(directionChoices("updated").map((c) => c.value)).toEqual(["desc", "asc"]);
    expect(directionOf({ sort: "next-step", dir: undefined })).toBe("asc");
    expect(directionOf({ sort: "next-step", dir: "desc" })).toBe("desc");
  });
});

describe("peopleHref", () => {
  it("leaves out an empty filter and page 1", () => {
    expect(peopleHref("")).toBe("/people");
    expect(peopleHref("  globex ")).toBe("/people?q=globex");
    expect(peopleHref("j. whitfield", 2)).toBe("/people?q=j.+whitfield&page=2");
  });
});
