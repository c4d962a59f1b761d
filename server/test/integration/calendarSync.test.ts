import { calendarSyncSuite } from './calendarSyncSuite.js';

calendarSyncSuite('sqlite', true);
