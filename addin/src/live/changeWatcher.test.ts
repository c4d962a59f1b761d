import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChangeWatcher } from './changeWatcher';

/** A page whose visibility the test switches, as the browser does when the pane is hidden or shown. */
function fakeDocument() {
  const listeners = new Set<() => void>();
  return {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_type: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => listeners.delete(listener),
    show(state: DocumentVisibilityState) {
      this.visibilityState = state;
      for (const listener of listeners) listener();
    },
  };
}

describe('ChangeWatcher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('tells the views only when the version moved, and asks nothing while the page is hidden', async () => {
    let version = 'a';
    const fetchVersion = vi.fn(() => Promise.resolve(version));
    const page = fakeDocument();
    const watcher = new ChangeWatcher(fetchVersion, page as unknown as Document, 1000);
    const changed = vi.fn();
    const stop = watcher.subscribe(changed);

    await vi.advanceTimersByTimeAsync(3500);
    expect(fetchVersion).toHaveBeenCalledTimes(4);
    expect(changed).not.toHaveBeenCalled();

    version = 'b';
    await vi.advanceTimersByTimeAsync(1000);
    expect(changed).toHaveBeenCalledTimes(1);

    page.show('hidden');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchVersion).toHaveBeenCalledTimes(5);

    version = 'c';
    page.show('visible');
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchVersion).toHaveBeenCalledTimes(6);
    expect(changed).toHaveBeenCalledTimes(2);

    stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchVersion).toHaveBeenCalledTimes(6);
  });

  it('keeps polling after a failed request, without telling the views anything', async () => {
    const fetchVersion = vi
      .fn()
      .mockResolvedValueOnce('a')
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue('a');
    const changed = vi.fn();
    new ChangeWatcher(fetchVersion, fakeDocument() as unknown as Document, 1000).subscribe(changed);
    await vi.advanceTimersByTimeAsync(2500);
    expect(fetchVersion).toHaveBeenCalledTimes(3);
    expect(changed).not.toHaveBeenCalled();
  });
});
