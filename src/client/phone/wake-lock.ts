// Keeps the phone's screen on while the remote is shown (Screen Wake Lock API). The browser drops
// the lock whenever the page is hidden, so it is taken again each time the page comes back.
// Where the API is missing or refuses (no HTTPS, battery saver), the phone just dims as usual.

/** Holds a screen wake lock while the page is visible. Returns an undo. */
export function keepScreenAwake(): () => void {
  const wakeLock = (navigator as Partial<Navigator>).wakeLock;
  if (!wakeLock) return () => {};
  let lock: WakeLockSentinel | null = null;
  let stopped = false;
  const acquire = () => {
    if (stopped || document.visibilityState !== 'visible' || (lock && !lock.released)) return;
    wakeLock.request('screen').then(
      (sentinel) => {
        if (stopped) void sentinel.release();
        else lock = sentinel;
      },
      () => {},
    );
  };
  document.addEventListener('visibilitychange', acquire);
  acquire();
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', acquire);
    void lock?.release();
  };
}
