import { runSimulator } from '../kit/run.js';
import { createDropshipSimulator } from './simulator.js';

runSimulator('dropship vendor simulator', 4105, createDropshipSimulator);
