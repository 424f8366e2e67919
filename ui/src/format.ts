// Display formatting. Stored values stay as they are; only what a person reads is shaped here.

/** The zone times are shown in until workspace settings exist. */
export const WORKSPACE_TIME_ZONE = "America/Bogota";

const dateTimeFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: WORKSPACE_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "2025-11-25 13:02" in the workspace zone; the stored text unchanged if it is not an instant. */
export function formatInstant(rfc3339: string): string {
  const ms = Date.parse(rfc3339);
  if (Number.isNaN(ms)) return rfc3339;
  const parts = Object.fromEntries(
    dateTimeFormat.formatToParts(new Date(ms)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const countFormat = new Intl.NumberFormat("es-CO");

/** Row counts with Colombian digit grouping ("12.345"). */
export function formatCount(n: number): string {
  return countFormat.format(n);
}
