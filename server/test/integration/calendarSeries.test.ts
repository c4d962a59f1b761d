import { calendarSeriesSuite } from './calendarSeriesSuite.js';

calendarSeriesSuite('sqlite', true);
