import { storeKinds } from '../stores.js';
import { calendarSyncSuite } from './calendarSyncSuite.js';

const postgres = (await storeKinds()).find((kind) => kind.name === 'postgres')!;
calendarSyncSuite('postgres', postgres.available);
