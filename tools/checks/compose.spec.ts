import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** There is no Docker engine here: this checks what can be checked of docker-compose.yml. */
const root = join(__dirname, '../..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const services = compose.services as Record<string, Record<string, unknown>>;

describe('docker-compose.yml', () => {
  it('brings up PostgreSQL, Redis, the setup step, the API (with the dashboard), the worker and the living demo', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'demo-live', 'postgres', 'redis', 'setup', 'worker']);
    expect(services['postgres']['image']).toMatch(/^postgres:15/);
    expect(services['redis']['image']).toMatch(/^redis:7/);
  });

  it('has health checks for the backing services and the API, and waits on them', () => {
    for (const name of ['postgres', 'redis', 'api']) {
      expect((services[name]['healthcheck'] as { test: unknown }).test).toBeTruthy();
    }
    expect(services['setup']['depends_on']).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services['api']['depends_on']).toMatchObject({
      setup: { condition: 'service_completed_successfully' },
      redis: { condition: 'service_healthy' },
    });
    expect(services['worker']['depends_on']).toMatchObject({ setup: { condition: 'service_completed_successfully' } });
    // the simulator drives the API through its contract: it starts once the API answers
    expect(services['demo-live']['depends_on']).toEqual({ api: { condition: 'service_healthy' } });
  });

  it('runs the living demo in the halls\' own hours by default, against the API only', () => {
    expect(services['demo-live']['command']).toEqual(['node', 'dist/apps/demo-live/main.js']);
    const env = services['demo-live']['environment'] as Record<string, string>;
    expect(env['DEMO_LIVE']).toBe('${DEMO_LIVE:-realtime}');
    expect(env['DEMO_LIVE_API']).toBe('http://api:3000');
    expect(env['DATABASE_URL']).toBeUndefined();
  });

  it('publishes the API on port 3000 and runs the built entry points', () => {
    expect(services['api']['ports']).toEqual(['3000:3000']);
    expect(services['api']['command']).toEqual(['node', 'dist/apps/api/main.js']);
    expect(services['worker']['command']).toEqual(['node', 'dist/apps/worker/main.js']);
    expect(services['setup']['command']).toEqual(['node', 'dist/apps/cli/main.js', 'setup', '--profile', 'full']);
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/nx run-many -t build -p api worker cli dashboard floor demo-live/);
  });

  it('points every app at the compose PostgreSQL and Redis', () => {
    for (const name of ['api', 'worker', 'setup']) {
      const env = services[name]['environment'] as Record<string, string>;
      expect(env['DATABASE_URL']).toBe('postgres://onewindow:onewindow@postgres:5432/onewindow');
      expect(env['REDIS_URL']).toBe('redis://redis:6379');
    }
  });

  it('refuses to start without a JWT_SECRET of the user\'s own (no published fallback)', () => {
    for (const name of ['api', 'worker', 'setup']) {
      const env = services[name]['environment'] as Record<string, string>;
      expect(env['NODE_ENV']).toBe('production');
      // ${VAR:?message}: compose stops with the message when the variable is unset or empty
      expect(env['JWT_SECRET']).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
    }
    expect(readFileSync(join(root, 'docker-compose.yml'), 'utf8')).not.toMatch(/JWT_SECRET:-/);
  });
});
