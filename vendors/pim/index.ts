import { runSimulator } from '../kit/run.js';
import { createPimSimulator } from './simulator.js';

runSimulator('pim vendor simulator', 4101, createPimSimulator);
