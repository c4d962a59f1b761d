import type { NewEvent } from '../../../../common/api/events.js';
import { timeProblems } from '../../../../common/api/events.js';
import { exceptionProblemsInSlices } from './seriesExceptions.js';

/**
 * Everything wrong with a whole event: its times, and its exceptions against its series (looked at a slice of work
 * at a time: a series has up to 2,000).
 */
export async function eventProblems(value: NewEvent): Promise<{ path: string; message: string }[]> {
  const problems = timeProblems(value);
  if (problems.length) return problems;
  return (await exceptionProblemsInSlices(value, value.exceptions)).map((problem) => ({
    path: 'exceptions',
    message: problem.message,
  }));
}
