export type LifecycleState = 'starting' | 'ready' | 'stopping';

/**
 * Whether this process should be sent traffic (GET /readyz): not while starting (migrations, the job queue's
 * storage), yes once started, and no longer from the moment a shutdown begins, so a load balancer drains it.
 */
export class Readiness {
  #state: LifecycleState = 'starting';

  get state(): LifecycleState {
    return this.#state;
  }

  get ready(): boolean {
    return this.#state === 'ready';
  }

  markReady(): void {
    if (this.#state === 'starting') this.#state = 'ready';
  }

  markStopping(): void {
    this.#state = 'stopping';
  }
}
