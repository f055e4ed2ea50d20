// Days as the API gives them (ISO `YYYY-MM-DD`, UTC) and the instants a time scale draws.
const DAY_MS = 86_400_000;

/** Midnight UTC at the start of an ISO day. */
export const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);

/** Midnight UTC at the end of an ISO day: a date's bar ends there, so a year spans the whole year. */
export const dayEnd = (day: string) => new Date(dayStart(day).getTime() + DAY_MS);

export const days = (count: number) => count * DAY_MS;
