import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../stack.js';
import { preparePeople, runCalendarSequence } from './calendarSequence.js';
import { runContactSequence } from './contactSequence.js';

/**
 * Runs `count` seeded sequences from `firstSeed` on one stack; CONVERGENCE_SEED replays a single failing one
 * (`CONVERGENCE_SEED=17 npx vitest run server/test/convergence`).
 */
export function calendarConvergenceSuite(
  firstSeed: number,
  count: number,
  kind: 'calendar' | 'contacts' = 'calendar',
): void {
  const runSequence = kind === 'calendar' ? runCalendarSequence : runContactSequence;
  describe(`${kind} sync converges under random two-sided changes, faults and lost or repeated notifications`, () => {
    let stack: Stack;
    let people: Awaited<ReturnType<typeof preparePeople>>;
    beforeAll(async () => {
      stack = await startStack({ runJobs: false });
      people = await preparePeople(stack);
    });
    afterAll(() => stack?.close());

    const replay = process.env.CONVERGENCE_SEED ? Number(process.env.CONVERGENCE_SEED) : undefined;
    const seeds =
      replay !== undefined
        ? [replay].filter((seed) => seed >= firstSeed && seed < firstSeed + count)
        : Array.from({ length: count }, (_, i) => firstSeed + i);
    it(`converges for seeds ${firstSeed}–${firstSeed + count - 1}${replay !== undefined ? ` (replaying ${seeds.join(', ') || 'none here'})` : ''}`, async () => {
      const failures: string[] = [];
      for (const seed of seeds) {
        const problem = await runSequence(stack, people, seed).catch((error: unknown) => `threw ${String(error)}`);
        if (problem)
          failures.push(
            `seed ${seed} (replay: CONVERGENCE_SEED=${seed} npx vitest run server/test/convergence): ${problem}`,
          );
      }
      expect(failures, failures.join('\n')).toEqual([]);
    }, 600_000);
  });
}
