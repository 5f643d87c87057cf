// The settings for several instances: unset, nothing but Node is needed;
// set wrongly, the server refuses to start with the variable named and no
// password echoed.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';

describe('settings for several instances', () => {
  it('need nothing by default: SQLite, in-memory limits, metrics on, no drain delay', () => {
    const config = readConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.metrics).toBe(true);
    expect(config.drainSeconds).toBe(0);
  });

  it('take PostgreSQL and Redis URLs, METRICS=0 and DRAIN_SECONDS', () => {
    const config = readConfig({ DATABASE_URL: 'postgres://kit:pw@db:5432/kit', REDIS_URL: 'redis://cache:6379', METRICS: '0', DRAIN_SECONDS: '15' });
    expect(config).toMatchObject({ databaseUrl: 'postgres://kit:pw@db:5432/kit', redisUrl: 'redis://cache:6379', metrics: false, drainSeconds: 15 });
    expect(readConfig({ DATABASE_URL: 'postgresql://db/kit' }).databaseUrl).toBe('postgresql://db/kit');
  });

  it('refuse a URL of the wrong kind, naming the variable and never the password', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://kit:hunter2@db/kit' })).toThrow(/^DATABASE_URL must start with postgres: or postgresql:/);
    expect(() => readConfig({ DATABASE_URL: 'not a url hunter2' })).toThrow(/^DATABASE_URL must be a URL/);
    expect(() => readConfig({ DATABASE_URL: 'not a url hunter2' })).not.toThrow(/hunter2/);
    expect(() => readConfig({ REDIS_URL: 'http://cache' })).toThrow(/^REDIS_URL must start with redis: or rediss:/);
    expect(() => readConfig({ METRICS: 'maybe' })).toThrow(/^METRICS must be 1 or 0/);
    expect(() => readConfig({ DRAIN_SECONDS: '-1' })).toThrow(/^DRAIN_SECONDS must be a whole number/);
  });
});
