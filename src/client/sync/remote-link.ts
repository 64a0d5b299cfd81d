// Stand-in until the relay lands (branch `relay` replaces this file): the phone's pairing token
// from its URL, and a relay that is never there. The phone and the console code against this API.

export type RelayStatus = 'off' | 'connecting' | 'connected' | 'refused';

/** The pairing token this page was opened with (`?token=`), or null. */
export function pairingToken(): string | null {
  return new URLSearchParams(window.location.search).get('token');
}

/** Calls `listener` with the relay's status now and on every change; returns an unsubscribe. */
export function onRelayStatus(listener: (status: RelayStatus) => void): () => void {
  listener('off');
  return () => {};
}
