/** How often an open pane asks whether anything changed: within seconds, yet one tiny request per interval. */
export const CHANGE_POLL_MS = 4_000;

type Listener = () => void;

/**
 * One poller of GET /api/changes for everything on screen: it runs only while some view listens and the page is
 * visible (a hidden pane asks nothing, and asks at once when shown again), and tells the listeners when the
 * version moved so each refetches what it shows. A failed poll is dropped; the next one tries again.
 */
export class ChangeWatcher {
  private readonly listeners = new Set<Listener>();
  private version: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;

  constructor(
    private readonly fetchVersion: () => Promise<string>,
    private readonly document: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>,
    private readonly intervalMs = CHANGE_POLL_MS,
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.document.addEventListener('visibilitychange', this.onVisibility);
      this.schedule(0);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.document.removeEventListener('visibilitychange', this.onVisibility);
      this.cancel();
      this.version = undefined;
    };
  }

  private isVisible(): boolean {
    return this.document.visibilityState === 'visible';
  }

  private readonly onVisibility = () => {
    if (this.isVisible()) this.schedule(0);
    else this.cancel();
  };

  private cancel() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delay: number) {
    this.cancel();
    if (this.listeners.size === 0) return;
    this.timer = setTimeout(() => void this.check(), delay);
  }

  private async check() {
    this.timer = undefined;
    if (this.inFlight || !this.isVisible() || this.listeners.size === 0) return;
    this.inFlight = true;
    try {
      const version = await this.fetchVersion();
      const moved = this.version !== undefined && version !== this.version;
      this.version = version;
      if (moved) for (const listener of [...this.listeners]) listener();
    } catch {
      // Offline for a moment or signed out: the views keep what they show; the next poll asks again.
    } finally {
      this.inFlight = false;
    }
    // A hidden page waits for visibilitychange; schedule() replaces a timer set meanwhile.
    if (this.isVisible()) this.schedule(this.intervalMs);
  }
}
