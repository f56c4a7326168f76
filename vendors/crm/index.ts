import { runSimulator } from '../kit/run.js';
import { createCrmSimulator } from './simulator.js';

runSimulator('crm vendor simulator', 4106, createCrmSimulator);
