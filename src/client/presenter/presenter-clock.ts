// The talk clock of the presenter console, as plain data: it can run, pause for questions, resume
// and reset, and survives a reload because it is only numbers. Pure functions of `now` (ms).

export interface ClockState {
  running: boolean;
  /** When the current running stretch began (ms since the epoch); meaningless while paused. */
  since: number;
  /** Time counted before the current stretch (ms). */
  carried: number;
}

/** A clock that starts counting at `now`. */
export function startClock(now: number): ClockState {
  return { running: true, since: now, carried: 0 };
}

/** Milliseconds counted so far. */
export function elapsedMs(clock: ClockState, now: number): number {
  return clock.carried + (clock.running ? Math.max(0, now - clock.since) : 0);
}

/** Stops counting, keeping the time so far. */
export function pauseClock(clock: ClockState, now: number): ClockState {
  return clock.running ? { running: false, since: now, carried: elapsedMs(clock, now) } : clock;
}

/** Counts on from where it was paused. */
export function resumeClock(clock: ClockState, now: number): ClockState {
  return clock.running ? clock : { running: true, since: now, carried: clock.carried };
}

/** Back to zero; a running clock keeps running, a paused one stays paused. */
export function resetClock(clock: ClockState, now: number): ClockState {
  return { running: clock.running, since: now, carried: 0 };
}

/** Checks a clock read back from storage. */
export function parseClock(value: unknown): ClockState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { running, since, carried } = value as Record<string, unknown>;
  if (
    typeof running !== 'boolean' ||
    !Number.isFinite(since) ||
    !Number.isFinite(carried) ||
    (carried as number) < 0
  )
    return null;
  return { running, since: since as number, carried: carried as number };
}

/** `m:ss` (or `h:mm:ss` from an hour on) for a number of seconds; negative values get a leading `-`. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const total = Math.floor(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0
    ? `${sign}${h}:${String(m).padStart(2, '0')}:${s}`
    : `${sign}${String(m).padStart(2, '0')}:${s}`;
}
