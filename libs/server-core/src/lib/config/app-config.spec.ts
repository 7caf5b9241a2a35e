import { ConfigError, loadConfig } from './app-config';

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
      expect(msg).toMatch(/PORT = "eighty"/);
      expect(msg).toMatch(
        /REDIS_URL = "http:\/\/x": REDIS_URL must be a redis:\/\/ URL/,
      );
      expect(msg).toMatch(/JWT_SECRET/);
      expect(msg).not.toMatch(/DATABASE_URL/);
    }
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: must be set in production/,
    );
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'a-real-secret-of-some-length',
      }).NODE_ENV,
    ).toBe('production');
  });

  it('rejects out-of-range ports', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
