import { runSimulator } from '../kit/run.js';
import { createWarehouseSimulator } from './simulator.js';

runSimulator('warehouse vendor simulator', 4103, createWarehouseSimulator);
