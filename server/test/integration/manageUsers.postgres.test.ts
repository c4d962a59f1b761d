import { storeKinds } from '../stores.js';
import { manageUsersSuite } from './manageUsersSuite.js';

const postgres = (await storeKinds()).find((kind) => kind.name === 'postgres')!;
manageUsersSuite('postgres', postgres.available);
