import { calendarConvergenceSuite } from './convergenceSuite.js';

// The contact sync's 200 sequences: seeds 1–100 here, 101–200 in contactConvergence2.test.ts.
calendarConvergenceSuite(1, 100, 'contacts');
