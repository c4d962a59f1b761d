import { storeKinds } from '../stores.js';
import { calendarSeriesSuite } from './calendarSeriesSuite.js';

const postgres = (await storeKinds()).find((kind) => kind.name === 'postgres')!;
calendarSeriesSuite('postgres', postgres.available);
