/**
 * From how many live events an actor's page is read by walking the events in page order and keeping
 * the actor's (each test an index probe): below it, gathering the actor's events and sorting them
 * costs less. Walking reads about (live events / the actor's events) rows per row of the page, so
 * at 100k events an actor at the threshold costs about 50 probes a row; gathering sorts at most this
 * many rows. One plan for both kinds of actor read a hub's 70,000 events to serve ten (a second).
 */
export const WALK_FROM_EVENTS = 2000;
