// The zones analysts need most, first; then every zone the runtime knows.
const COMMON_ZONES = ["UTC", "Asia/Seoul", "Asia/Tokyo", "Asia/Shanghai", "America/New_York", "Europe/Brussels", "Europe/London", "Europe/Geneva"];

/** Every IANA zone name known to the server, common ones first (computed on the server, passed to forms). */
export function listTimeZones(): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...COMMON_ZONES, ...all.filter((zone) => !COMMON_ZONES.includes(zone))];
}

/** <option>s for a time-zone select; a stored zone missing from the list is kept as the first option. */
export function TimeZoneOptions({ zones, current, emptyLabel }: { zones: string[]; current?: string; emptyLabel?: string }) {
  const common = zones.filter((zone) => COMMON_ZONES.includes(zone));
  const others = zones.filter((zone) => !COMMON_ZONES.includes(zone));
  return (
    <>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {current && !zones.includes(current) && <option value={current}>{current}</option>}
      <optgroup label="Common">
        {common.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </optgroup>
      <optgroup label="All zones">
        {others.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </optgroup>
    </>
  );
}
