import { z } from 'zod';

export const faultRuleSchema = z.object({
  status: z.union([z.literal(429), z.literal(503), z.literal(504)]),
  retryAfterSeconds: z.number().nonnegative().optional(),
  times: z.number().int().positive().default(1),
  pathContains: z.string().optional(),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;

export const knobsUpdateSchema = z.object({
  latencyMs: z.number().int().nonnegative().optional(),
  mailboxConcurrencyLimit: z.number().int().positive().optional(),
  tokenLifetimeSeconds: z.number().int().positive().nullable().optional(),
  /** Appended to the fault queue. */
  faults: z.array(faultRuleSchema).optional(),
});
export type KnobsUpdate = z.input<typeof knobsUpdateSchema>;

/** Test knobs: latency, the per-mailbox concurrency limit, fault injection and token lifetime. */
export class DevTenantKnobs {
  latencyMs = 0;
  /** Outlook allows 4 concurrent requests per app + mailbox (Graph throttling limits). */
  mailboxConcurrencyLimit = 4;
  /** Fixed token lifetime; null = Entra's random 60–90 minutes. */
  tokenLifetimeSeconds: number | null = null;
  readonly faults: FaultRule[] = [];

  update(input: KnobsUpdate): void {
    const update = knobsUpdateSchema.parse(input);
    if (update.latencyMs !== undefined) this.latencyMs = update.latencyMs;
    if (update.mailboxConcurrencyLimit !== undefined) this.mailboxConcurrencyLimit = update.mailboxConcurrencyLimit;
    if (update.tokenLifetimeSeconds !== undefined) this.tokenLifetimeSeconds = update.tokenLifetimeSeconds;
    for (const fault of update.faults ?? []) this.faults.push(fault);
  }

  injectFault(rule: z.input<typeof faultRuleSchema>): void {
    this.faults.push(faultRuleSchema.parse(rule));
  }

  resetFaults(): void {
    this.faults.length = 0;
  }

  /** Takes one use of the first fault matching the path, if any. */
  takeFault(path: string): FaultRule | undefined {
    const index = this.faults.findIndex((f) => !f.pathContains || path.includes(f.pathContains));
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
      tokenLifetimeSeconds: this.tokenLifetimeSeconds,
      faults: this.faults.map((f) => ({ ...f })),
    };
  }
}
