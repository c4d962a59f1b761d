import { crashSuite } from './crashSuite.js';

// PRODUCT.md §5: the first contact sync takes up to 10,000 contacts.
crashSuite('contacts', 10_000);
