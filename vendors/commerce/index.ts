import { runSimulator } from '../kit/run.js';
import { createCommerceSimulator } from './simulator.js';

runSimulator('commerce vendor simulator', 4102, createCommerceSimulator);
