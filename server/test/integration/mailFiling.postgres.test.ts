import { storeKinds } from '../stores.js';
import { mailFilingSuite } from './mailFilingSuite.js';

const postgres = (await storeKinds()).find((kind) => kind.name === 'postgres')!;
mailFilingSuite('postgres', postgres.available);
