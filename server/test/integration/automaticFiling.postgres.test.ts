import { storeKinds } from '../stores.js';
import { automaticFilingSuite } from './automaticFilingSuite.js';

const postgres = (await storeKinds()).find((kind) => kind.name === 'postgres')!;
automaticFilingSuite('postgres', postgres.available);
