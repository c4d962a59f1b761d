import { mailFilingSuite } from './mailFilingSuite.js';

mailFilingSuite('sqlite', true);
