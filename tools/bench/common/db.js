'use strict';
/**
 * The PostgreSQL server the benches make their fresh databases on (BENCH_ADMIN_DATABASE_URL, or
 * postgres@127.0.0.1:5432) and the Redis the APIs they start publish to (REDIS_URL).
 */
const { Client } = require('pg');

const ADMIN_URL =
  process.env.BENCH_ADMIN_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Runs `fn` with a client on the admin database, closed afterwards. */
async function admin(fn) {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The URL of database `name` on the admin database's server. */
function dbUrl(name) {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates an empty database `name`; returns its URL. */
async function createDatabase(name) {
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  return dbUrl(name);
}

/** Drops database `name` (if it exists), ending its connections. */
async function dropDatabase(name) {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** One statement on its own connection; returns its rows. */
async function sql(url, text, params) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

module.exports = {
  ADMIN_URL,
  REDIS_URL,
  admin,
  dbUrl,
  createDatabase,
  dropDatabase,
  sql,
};
