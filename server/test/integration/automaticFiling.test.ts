import { automaticFilingSuite } from './automaticFilingSuite.js';

automaticFilingSuite('sqlite', true);
