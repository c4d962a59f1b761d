import { z } from 'zod';

export const faultRuleSchema = z.object({
  status: z.union([z.literal(429), z.literal(503), z.literal(504)]),
  retryAfterSeconds: z.number().nonnegative().optional(),
  times: z.number().int().positive().default(1),
  pathContains: z.string().optional(),
  /** Only requests with this method (GET, POST, PATCH, DELETE); any when absent. */
  method: z.string().optional(),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;

export const requestBudgetSchema = z.object({
  requests: z.number().int().positive(),
  windowSeconds: z.number().positive(),
});

export const knobsUpdateSchema = z.object({
  latencyMs: z.number().int().nonnegative().optional(),
  mailboxConcurrencyLimit: z.number().int().positive().optional(),
  /** Requests per app + mailbox in a rolling window (Outlook: 10,000 in 10 minutes); scaled down for tests. */
  requestBudget: requestBudgetSchema.optional(),
  tokenLifetimeSeconds: z.number().int().positive().nullable().optional(),
  /** Appended to the fault queue. */
  faults: z.array(faultRuleSchema).optional(),
  /** Every calendarView/delta round starts with an empty page that has a nextLink. */
  deltaEmptyFirstPage: z.boolean().optional(),
  /** Invalidate the delta tokens (calendarView, contacts and messages delta) of one mailbox (UPN) or all ("*"): the next use gets 410 SyncStateNotFound. */
  expireDeltaTokens: z.string().optional(),
  /** Drop (never deliver) the next N change notifications. */
  dropNextNotifications: z.number().int().nonnegative().optional(),
  /** Deliver every change notification POST twice. */
  duplicateNotifications: z.boolean().optional(),
  /** Delay before a change is POSTed to webhooks (Graph delivers asynchronously). */
  notificationDelayMs: z.number().int().nonnegative().optional(),
  /** Backoff between delivery attempts of a failed notification POST; its length is the number of retries. */
  notificationRetryDelaysMs: z.array(z.number().int().nonnegative()).max(10).optional(),
  /** The longest subscription lifetime accepted (Outlook resources: 4230 minutes). */
  subscriptionMaxMinutes: z.number().int().positive().optional(),
  /** A change to one occurrence shows in delta as that exception alone; its master's change key stays (one reading of Graph). */
  exceptionChangesWithoutMaster: z.boolean().optional(),
  /**
   * Deleting one occurrence of a series gives no signal: no delta entry, no notification, the master's change key
   * unchanged (reported of Graph: docs/graph-behaviour.md#silent-occurrence-deletes).
   */
  silentOccurrenceDeletes: z.boolean().optional(),
  /** A series begun before the calendarView/delta window comes as its occurrences alone, without its seriesMaster (reported of Graph). */
  seriesBeforeWindowWithoutMaster: z.boolean().optional(),
});
export type KnobsUpdate = z.input<typeof knobsUpdateSchema>;

/** Test knobs: latency, the per-mailbox concurrency limit and request budget, fault injection, token lifetime, delta tokens and notifications. */
export class DevTenantKnobs {
  latencyMs = 0;
  /** Outlook allows 4 concurrent requests per app + mailbox (Graph throttling limits). */
  mailboxConcurrencyLimit = 4;
  /** Outlook allows 10,000 requests per app + mailbox in any 10 minutes (Graph throttling limits). */
  requestBudget = { requests: 10_000, windowSeconds: 600 };
  /** Fixed token lifetime; null = Entra's random 60–90 minutes. */
  tokenLifetimeSeconds: number | null = null;
  readonly faults: FaultRule[] = [];
  deltaEmptyFirstPage = false;
  dropNextNotifications = 0;
  duplicateNotifications = false;
  notificationDelayMs = 200;
  notificationRetryDelaysMs: number[] = [1000, 4000, 16000];
  subscriptionMaxMinutes = 4230;
  silentOccurrenceDeletes = false;
  exceptionChangesWithoutMaster = false;
  seriesBeforeWindowWithoutMaster = false;
  /** Set by the server: expires delta tokens of a mailbox (UPN) or all ("*"). */
  expireDeltaTokens: (upn: string) => void = () => undefined;

  update(input: KnobsUpdate): void {
    const update = knobsUpdateSchema.parse(input);
    if (update.latencyMs !== undefined) this.latencyMs = update.latencyMs;
    if (update.mailboxConcurrencyLimit !== undefined) this.mailboxConcurrencyLimit = update.mailboxConcurrencyLimit;
    if (update.requestBudget !== undefined) this.requestBudget = { ...update.requestBudget };
    if (update.tokenLifetimeSeconds !== undefined) this.tokenLifetimeSeconds = update.tokenLifetimeSeconds;
    for (const fault of update.faults ?? []) this.faults.push(fault);
    if (update.deltaEmptyFirstPage !== undefined) this.deltaEmptyFirstPage = update.deltaEmptyFirstPage;
    if (update.dropNextNotifications !== undefined) this.dropNextNotifications = update.dropNextNotifications;
    if (update.duplicateNotifications !== undefined) this.duplicateNotifications = update.duplicateNotifications;
    if (update.notificationDelayMs !== undefined) this.notificationDelayMs = update.notificationDelayMs;
    if (update.notificationRetryDelaysMs !== undefined)
      this.notificationRetryDelaysMs = update.notificationRetryDelaysMs;
    if (update.subscriptionMaxMinutes !== undefined) this.subscriptionMaxMinutes = update.subscriptionMaxMinutes;
    if (update.silentOccurrenceDeletes !== undefined) this.silentOccurrenceDeletes = update.silentOccurrenceDeletes;
    if (update.exceptionChangesWithoutMaster !== undefined)
      this.exceptionChangesWithoutMaster = update.exceptionChangesWithoutMaster;
    if (update.seriesBeforeWindowWithoutMaster !== undefined)
      this.seriesBeforeWindowWithoutMaster = update.seriesBeforeWindowWithoutMaster;
    if (update.expireDeltaTokens !== undefined) this.expireDeltaTokens(update.expireDeltaTokens);
  }

  injectFault(rule: z.input<typeof faultRuleSchema>): void {
    this.faults.push(faultRuleSchema.parse(rule));
  }

  resetFaults(): void {
    this.faults.length = 0;
  }

  /** Takes one use of the first fault matching the path (and method), if any. */
  takeFault(path: string, method?: string): FaultRule | undefined {
    const index = this.faults.findIndex(
      (f) =>
        (!f.pathContains || path.includes(f.pathContains)) &&
        (!f.method || !method || f.method.toUpperCase() === method.toUpperCase()),
    );
    if (index < 0) return undefined;
    const rule = this.faults[index]!;
    rule.times -= 1;
    if (rule.times <= 0) this.faults.splice(index, 1);
    return rule;
  }

  /** Seconds an access token lives: the knob, or 60–90 minutes at random like Entra. */
  accessTokenLifetime(): number {
    return this.tokenLifetimeSeconds ?? 3600 + Math.floor(Math.random() * 1800);
  }

  snapshot() {
    return {
      latencyMs: this.latencyMs,
      mailboxConcurrencyLimit: this.mailboxConcurrencyLimit,
      requestBudget: { ...this.requestBudget },
      tokenLifetimeSeconds: this.tokenLifetimeSeconds,
      faults: this.faults.map((f) => ({ ...f })),
      deltaEmptyFirstPage: this.deltaEmptyFirstPage,
      dropNextNotifications: this.dropNextNotifications,
      duplicateNotifications: this.duplicateNotifications,
      notificationDelayMs: this.notificationDelayMs,
      notificationRetryDelaysMs: [...this.notificationRetryDelaysMs],
      subscriptionMaxMinutes: this.subscriptionMaxMinutes,
      seriesBeforeWindowWithoutMaster: this.seriesBeforeWindowWithoutMaster,
    };
  }
}
