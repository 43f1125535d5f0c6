import countries from "i18n-iso-countries";
import english from "i18n-iso-countries/langs/en.json" with { type: "json" };

countries.registerLocale(english);

export type TPartySeed = { code: string; name: string; aliases: string[] };

/**
 * Every ISO 3166-1 entry from the i18n-iso-countries package, keyed by alpha-3 code, with its
 * English short name and the package's other English names as aliases.
 */
export function isoStates(): TPartySeed[] {
  return Object.keys(countries.getAlpha3Codes())
    .map((code) => {
      const names = countries.getName(code, "en", { select: "all" }) ?? [];
      const name = countries.getName(code, "en", { select: "official" }) ?? names[0] ?? code;
      return { code, name, aliases: names.filter((alias) => alias !== name) };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}
