import { runSimulator } from '../kit/run.js';
import { createPaymentsSimulator } from './simulator.js';

runSimulator('payments vendor simulator', 4108, (data) => createPaymentsSimulator(data));
