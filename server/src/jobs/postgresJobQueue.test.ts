import { storeKinds } from '../../test/stores.js';
import { describeJobQueueContract } from './jobQueue.contract.js';

// The postgres store selects this engine; the same contract runs against the other one in its own file.
describeJobQueueContract((await storeKinds()).find((kind) => kind.name === 'postgres')!);
