import { crashSuite } from './crashSuite.js';

crashSuite('calendar', 5000);
