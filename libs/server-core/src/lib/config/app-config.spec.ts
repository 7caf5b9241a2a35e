import {
  ConfigError,
  KNOWN_DEFAULT_SECRETS,
  loadConfig,
  parseCorsOrigins,
} from './app-config';

describe('loadConfig', () => {
  it('gives local defaults for development', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/onewindow');
    expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(c.PORT).toBe(3000);
    expect(c.LOG_LEVEL).toBe('info');
  });

  it('reads and converts values from the environment', () => {
    const c = loadConfig({
      PORT: '8080',
      LOG_LEVEL: 'debug',
      DATABASE_URL: 'postgresql://u@db:5432/x',
    });
    expect(c.PORT).toBe(8080);
    expect(c.LOG_LEVEL).toBe('debug');
    expect(c.DATABASE_URL).toBe('postgresql://u@db:5432/x');
  });

  it('refuses the former name of REDIS_PREFIX rather than ignore it', () => {
    expect(() => loadConfig({ QUEUE_PREFIX: 'hall1' })).toThrow(
      /QUEUE_PREFIX: renamed REDIS_PREFIX/,
    );
    expect(loadConfig({ REDIS_PREFIX: 'hall1' }).REDIS_PREFIX).toBe('hall1');
  });

  it('names every bad variable', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        REDIS_URL: 'http://x',
        JWT_SECRET: 'short',
      });
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toMatch(/PORT: /);
      expect(msg).toMatch(/REDIS_URL: REDIS_URL must be a redis:\/\/ URL/);
      expect(msg).toMatch(/JWT_SECRET: JWT_SECRET must be at least 16/);
      expect(msg).not.toMatch(/DATABASE_URL/);
    }
  });

  it('never prints a value, so a secret set in the wrong variable stays out of the log', () => {
    const secret = 'sk-live-9f8e7d6c5b4a39281706';
    try {
      loadConfig({
        PORT: secret,
        REDIS_URL: secret,
        DATABASE_URL: secret,
        LOG_LEVEL: secret,
        JWT_SECRET: 'short-secret',
      });
      throw new Error('should have thrown');
    } catch (e) {
      const msg = (e as Error).message;
      for (const name of [
        'PORT',
        'REDIS_URL',
        'DATABASE_URL',
        'LOG_LEVEL',
        'JWT_SECRET',
      ])
        expect(msg).toContain(`${name}: `);
      expect(msg).not.toContain(secret);
      expect(msg).not.toContain('sk-live');
      expect(msg).not.toContain('short-secret');
    }
  });

  it('refuses every published JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: must be set in production/,
    );
    // the short ones are refused by their length as well
    for (const published of KNOWN_DEFAULT_SECRETS) {
      expect(() =>
        loadConfig({
          NODE_ENV: 'production',
          JWT_SECRET: published.toUpperCase(),
        }),
      ).toThrow(
        /JWT_SECRET: (must be set in production|JWT_SECRET must be at least 16)/,
      );
    }
    // the secret compose used to fall back to
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'demo-only-jwt-secret-change-me',
      }),
    ).toThrow(/JWT_SECRET: must be set in production/);
    // development keeps its default
    expect(loadConfig({}).JWT_SECRET).toBe(
      'onewindow-development-secret-change-me',
    );
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'a-real-secret-of-some-length',
      }).NODE_ENV,
    ).toBe('production');
  });

  it('sizes the planning threads from the machine and bounds threads and queue', () => {
    const c = loadConfig({});
    expect(c.PLANNING_THREADS).toBeGreaterThanOrEqual(1);
    expect(c.PLANNING_THREADS).toBeLessThanOrEqual(4);
    expect(c.PLANNING_QUEUE).toBe(8);
    expect(
      loadConfig({ PLANNING_THREADS: '2', PLANNING_QUEUE: '0' }),
    ).toMatchObject({ PLANNING_THREADS: 2, PLANNING_QUEUE: 0 });
    expect(() => loadConfig({ PLANNING_THREADS: '0' })).toThrow(
      /PLANNING_THREADS/,
    );
    expect(() => loadConfig({ PLANNING_QUEUE: '-1' })).toThrow(
      /PLANNING_QUEUE/,
    );
  });

  it('limits logins per address and per account, both bounded', () => {
    const c = loadConfig({});
    expect(c.LOGIN_RATE_LIMIT_PER_MINUTE).toBe(20);
    expect(c.LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE).toBe(10);
    expect(
      loadConfig({ LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE: '3' })
        .LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE,
    ).toBe(3);
    for (const bad of ['0', '100001', 'ten', '2.5'])
      expect(() =>
        loadConfig({ LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE: bad }),
      ).toThrow(/LOGIN_ACCOUNT_RATE_LIMIT_PER_MINUTE: /);
  });

  it('rejects out-of-range ports', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('allows no other origin by default (CORS_ORIGINS empty: same origin only)', () => {
    expect(loadConfig({}).CORS_ORIGINS).toBe('');
    expect(parseCorsOrigins('')).toEqual({ origins: [] });
  });

  it('reads CORS_ORIGINS as a comma-separated list of origins', () => {
    const c = loadConfig({
      CORS_ORIGINS: ' https://dash.example.gov.cn, http://127.0.0.1:4200 ,',
    });
    expect(parseCorsOrigins(c.CORS_ORIGINS)).toEqual({
      origins: ['https://dash.example.gov.cn', 'http://127.0.0.1:4200'],
    });
  });

  it.each([
    ['*'],
    ['dash.example.gov.cn'],
    ['https://dash.example.gov.cn/'],
    ['https://dash.example.gov.cn/app'],
    ['https://user@dash.example.gov.cn'],
    ['ftp://dash.example.gov.cn'],
    ['https://DASH.example.gov.cn'],
    ['https://ok.example, null'],
  ])(
    'refuses %j in CORS_ORIGINS, naming the variable, never the value',
    (v) => {
      try {
        loadConfig({ CORS_ORIGINS: v });
        throw new Error('should have thrown');
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        const msg = (e as Error).message;
        expect(msg).toMatch(/CORS_ORIGINS: item \d+ is not an origin/);
        expect(msg).not.toContain(v);
      }
    },
  );
});
