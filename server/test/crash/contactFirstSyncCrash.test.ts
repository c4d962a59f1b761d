import { crashSuite } from './crashSuite.js';

// docs/product-rules.md#r-contact-first-sync: the first contact sync takes up to 10,000 contacts.
crashSuite('contacts', 10_000);
