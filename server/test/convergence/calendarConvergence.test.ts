import { calendarConvergenceSuite } from './convergenceSuite.js';

// Seeds 1–100 here and 101–200 in calendarConvergence2.test.ts: two files run on the two cores side by side.
calendarConvergenceSuite(1, 100);
