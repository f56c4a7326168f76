import { serveGraphQL } from '../../lib/service/graphql.js';
import { runUntilSignalled } from '../../lib/service/run.js';
import { createOrchestration } from './orchestrator.js';
import { readOrchestrationSettings } from './settings.js';

void runUntilSignalled(async () => {
  const settings = await readOrchestrationSettings();
  return [await serveGraphQL(await createOrchestration(settings), { port: settings.port, host: settings.host })];
});
