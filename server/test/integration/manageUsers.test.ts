import { manageUsersSuite } from './manageUsersSuite.js';

manageUsersSuite('sqlite', true);
