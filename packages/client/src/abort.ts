// One "abort" listener per caller signal, however many calls share it. A signal shared by 100
// concurrent calls is normal use, but an EventTarget with more than 10 listeners makes Node print
// MaxListenersExceededWarning; so calls register here, and the listener goes once the last call ends.

interface Fanout {
  readonly callbacks: Set<() => void>;
  readonly listener: () => void;
}

const fanouts = new WeakMap<AbortSignal, Fanout>();

/** Calls `callback` when `signal` aborts; the returned function unregisters it (call it when the work ends). */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let fanout = fanouts.get(signal);
  if (!fanout) {
    const callbacks = new Set<() => void>();
    const listener = () => {
      fanouts.delete(signal);
      for (const call of callbacks) call();
    };
    fanouts.set(signal, (fanout = { callbacks, listener }));
    signal.addEventListener("abort", listener, { once: true });
  }
  const { callbacks, listener } = fanout;
  callbacks.add(callback);
  return () => {
    callbacks.delete(callback);
    if (callbacks.size === 0 && fanouts.get(signal) === fanout) {
      fanouts.delete(signal);
      signal.removeEventListener("abort", listener);
    }
  };
}
