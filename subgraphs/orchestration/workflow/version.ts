/**
 * The application version DBOS records with every workflow and recovers by: an interrupted workflow is
 * resumed only by a process of the same version, so recovery replays its recorded steps against the
 * code that recorded them. Bump it with any change to what a workflow does, or in which order.
 */
export const WORKFLOW_VERSION = 'orchestration-1';
