import { beforeEach, describe, expect, it } from 'vitest';
import { createSimulatorApp, finishSimulatorApp } from '../vendors/kit/app.js';
import { createEffectsLedger } from '../vendors/kit/effects.js';
import { startSimulator, type StartedSimulator } from './support/servers.js';

/** A vendor with one write (`POST /v1/things/:id/touch`) and one read, built with the kit as every simulator is. */
function createThingsSimulator() {
  const effects = createEffectsLedger();
  const app = createSimulatorApp('things', undefined, effects);
  app.post('/v1/things/:id/touch', (req, res) => {
    effects.record({ kind: 'touch', reference: req.params.id });
    res.status(201).json({ touched: req.params.id });
  });
  app.get('/v1/things/:id', (req, res) => {
    res.json({ id: req.params.id });
  });
  return finishSimulatorApp(app);
}

let things: StartedSimulator;
const touch = (id: string) => fetch(`${things.url}/v1/things/${id}/touch`, { method: 'POST' });
const read = (id: string) => fetch(`${things.url}/v1/things/${id}`);

beforeEach(async () => {
  things ??= await startSimulator('things', createThingsSimulator);
  await things.admin.reset();
});

describe('vendor kit: effects', () => {
  it('lists each recorded write, by reference if asked, and forgets them on reset', async () => {
    await touch('a');
    await touch('b');
    expect(await things.admin.effects()).toEqual([
      { kind: 'touch', reference: 'a' },
      { kind: 'touch', reference: 'b' },
    ]);
    expect(await things.admin.effects('b')).toEqual([{ kind: 'touch', reference: 'b' }]);
    await things.admin.reset();
    expect(await things.admin.effects()).toEqual([]);
  });
});

describe('vendor kit: faults per route', () => {
  it('fail only the route named by its express path, whatever its parameters', async () => {
    await things.admin.setFaults({ routes: { 'POST /v1/things/:id/touch': { failRate: 1, failStatus: 502 } } });
    expect((await touch('a')).status).toBe(502);
    expect((await read('a')).status).toBe(200);
    expect(await things.admin.effects()).toEqual([]);
  });

  it('"acted, response lost": the write happens, the connection is cut without an answer', async () => {
    await things.admin.setFaults({ routes: { 'POST /v1/things/:id/touch': { actedResponseLost: true } } });
    await expect(touch('lost')).rejects.toThrow();
    expect(await things.admin.effects()).toEqual([{ kind: 'touch', reference: 'lost' }]);
    expect((await read('lost')).status).toBe(200);
  });

  it('take the simulator-wide switches a route does not set', async () => {
    await things.admin.setFaults({ failRate: 1, failStatus: 500, routes: { 'GET /v1/things/:id': { failStatus: 429 } } });
    expect((await read('a')).status).toBe(429);
    expect((await touch('a')).status).toBe(500);
  });

  it('simulator-wide faults alone still apply to every route, and reset clears them all', async () => {
    await things.admin.setFaults({ failRate: 1 });
    expect((await read('a')).status).toBe(503);
    await things.admin.reset();
    expect((await read('a')).status).toBe(200);
  });

  it.each([
    { case: 'a key without a method', routes: { '/v1/things': {} } },
    { case: 'an unknown method', routes: { 'FETCH /v1/things': {} } },
    { case: 'a path express cannot read', routes: { 'GET /v1/(things': {} } },
    { case: 'a switch out of range', routes: { 'GET /v1/things/:id': { failRate: 2 } } },
    { case: 'a non-boolean actedResponseLost', routes: { 'GET /v1/things/:id': { actedResponseLost: 'yes' } } },
  ])('refuse $case with 400 and keep the faults as they were', async ({ routes }) => {
    const response = await fetch(`${things.url}/_admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ routes }),
    });
    expect(response.status).toBe(400);
    expect((await read('a')).status).toBe(200);
  });
});
