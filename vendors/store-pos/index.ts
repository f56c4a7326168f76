import { runSimulator } from '../kit/run.js';
import { createStorePosSimulator } from './simulator.js';

runSimulator('store-pos vendor simulator', 4104, createStorePosSimulator);
