// The Chrome DevTools Protocol over the pipes Chromium opens with --remote-debugging-pipe (file
// descriptors 3 and 4, messages as JSON ended by a NUL byte): commands with their replies, and
// events. The PDF export speaks it directly because loading Playwright costs more than a second
// of CPU at every start, and the export needs only a handful of commands.
import type { Readable, Writable } from 'node:stream';

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  sessionId?: string;
  result?: unknown;
  error?: { message: string; data?: string };
}

type Listener = (params: Record<string, unknown>, sessionId: string | undefined) => void;

export class CdpError extends Error {
  override name = 'CdpError';
}

export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private closedBecause: string | undefined;
  private buffered: Buffer[] = [];

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => this.receive(chunk));
    fromBrowser.on('close', () => this.close('the browser closed its connection'));
    fromBrowser.on('error', (error) => this.close(error.message));
    toBrowser.on('error', (error) => this.close(error.message));
  }

  /** Sends `method` (to the target of `sessionId`, else the browser) and resolves with its result. */
  send<T = Record<string, unknown>>(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
  ): Promise<T> {
    if (this.closedBecause) return Promise.reject(new CdpError(`${method}: ${this.closedBecause}`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (value) => resolve(value as T),
        reject: (error) => reject(new CdpError(`${method}: ${error.message}`)),
      });
      this.toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  /** Calls `listener` on every `event`; returns the function that stops it. */
  on(event: string, listener: Listener): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set.add(listener));
    return () => set.delete(listener);
  }

  /** Fails every command still waiting (and any sent later) with `reason`. */
  close(reason: string): void {
    if (this.closedBecause) return;
    this.closedBecause = reason;
    for (const waiting of this.pending.values()) waiting.reject(new Error(reason));
    this.pending.clear();
    for (const listener of this.listeners.get('close') ?? []) listener({ reason }, undefined);
  }

  private receive(chunk: Buffer): void {
    // A message may arrive in several chunks, and a chunk may end several messages.
    for (let end = chunk.indexOf(0); end >= 0; end = chunk.indexOf(0)) {
      this.buffered.push(chunk.subarray(0, end));
      this.dispatch(JSON.parse(Buffer.concat(this.buffered).toString('utf8')) as Message);
      this.buffered = [];
      chunk = chunk.subarray(end + 1);
    }
    if (chunk.length > 0) this.buffered.push(chunk);
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error)
        waiting?.reject(
          new Error(message.error.message + (message.error.data ? ` (${message.error.data})` : '')),
        );
      else waiting?.resolve(message.result);
    } else if (message.method) {
      for (const listener of this.listeners.get(message.method) ?? [])
        listener(message.params ?? {}, message.sessionId);
    }
  }
}
