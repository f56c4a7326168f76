import { runSimulator } from '../kit/run.js';
import { createWmsSimulator } from './simulator.js';

runSimulator('wms vendor simulator', 4107, createWmsSimulator);
