import { calendarConvergenceSuite } from './convergenceSuite.js';

calendarConvergenceSuite(101, 100, 'contacts');
