// Where a command's time goes (`npm run export -- --timings`): named phases, each with when it
// started and how long it took, counted from the start of the Node process so that start-up
// (Node, the TypeScript loader, the modules imported) shows as the first phase. Phases may
// overlap (the two PDFs of `npm run export` are made side by side).

export interface Phase {
  name: string;
  /** ms since the process started. */
  start: number;
  ms: number;
}

export class Timings {
  readonly phases: Phase[] = [];

  /** Records `name` as running from `start` (ms since the process started) until now. */
  record(name: string, start: number): void {
    this.phases.push({ name, start, ms: performance.now() - start });
  }

  /** Runs `work` as the phase `name`; a phase that throws is recorded too. */
  async time<T>(name: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.record(name, start);
    }
  }

  /** One line per phase in order of start: `  start  +ms  name`. */
  format(title: string): string {
    const rows = [...this.phases].sort((a, b) => a.start - b.start);
    const width = Math.max(5, ...rows.map((p) => Math.round(p.start + p.ms).toString().length));
    return [
      `${title} (ms from process start, then duration):`,
      ...rows.map(
        (p) =>
          `  ${Math.round(p.start).toString().padStart(width)}  +${Math.round(p.ms).toString().padEnd(width)} ${p.name}`,
      ),
    ].join('\n');
  }
}
