import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseThemeCookie, THEME_CHOICES, themeClassName } from "@/lib/theme";
import { themeChoiceSchema } from "@/lib/validation/theme";

describe("parseThemeCookie", () => {
  it("keeps a stored light or dark choice", () => {
    expect(parseThemeCookie("light")).toBe("light");
    expect(parseThemeCookie("dark")).toBe("dark");
  });

  it("follows the system when nothing is stored", () => {
    expect(parseThemeCookie(undefined)).toBe("system");
    expect(parseThemeCookie(null)).toBe("system");
    expect(parseThemeCookie("")).toBe("system");
  });

  it("follows the system for anything else, near misses included", () => {
    for (const value of ["Dark", " dark", "light ", "system", "dark;light", "1"]) expect(parseThemeCookie(value)).toBe("system");
    fc.assert(
      fc.property(fc.string(), (value) => {
        const parsed = parseThemeCookie(value);
        expect(parsed === "system" || parsed === value).toBe(true);
      }),
    );
  });
});

describe("themeClassName", () => {
  it("names the stored choice and leaves <html> bare for the system", () => {
    expect(themeClassName("dark")).toBe("dark");
    expect(themeClassName("light")).toBe("light");
    expect(themeClassName("system")).toBeUndefined();
  });
});

describe("themeChoiceSchema", () => {
  it("accepts the three choices", () => {
    for (const theme of THEME_CHOICES) expect(themeChoiceSchema.parse({ theme })).toEqual({ theme });
  });

  it("refuses anything else with a message", () => {
    const result = themeChoiceSchema.safeParse({ theme: "sepia" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Choose System, Light or Dark.");
  });
});
