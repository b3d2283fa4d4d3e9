// Serve HMS for one Playwright run; Playwright's `webServer` starts this script and stops it.
//
// 1. A fresh SQLite database under tests/e2e/.tmp/ (created for this run and deleted after it,
//    whatever DATABASE_URL says, so CI's PostgreSQL databases are never touched). Its name
//    carries the run's port: engineers sharing one working tree can run journeys at the same
//    time without deleting each other's database.
// 2. `migrate` and `seed_demo` (the demo accounts every journey may log in with).
// 3. `runserver 127.0.0.1:$HMS_E2E_PORT --noreload`: the API and the built SPA (frontend/dist,
//    served by whitenoise) on one origin, with throttles raised and a non-Secure refresh cookie
//    because the test server speaks plain http.
//
// Everything the backend prints goes to tests/e2e/artifacts/server-<port>.log; only server errors
// (5xx lines, tracebacks) are echoed to the console. On SIGTERM/SIGINT the server is stopped and
// the database deleted.
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TESTS_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const REPO_DIR = dirname(TESTS_DIR);
const BACKEND_DIR = join(REPO_DIR, 'backend');
const PYTHON = join(BACKEND_DIR, '.venv', 'bin', 'python');
const SPA_DIST_DIR = join(REPO_DIR, 'frontend', 'dist');
const TMP_DIR = join(TESTS_DIR, 'e2e', '.tmp');
const ARTIFACTS_DIR = join(TESTS_DIR, 'e2e', 'artifacts');
const port = process.env.HMS_E2E_PORT;
const LOG_FILE = join(ARTIFACTS_DIR, `server-${port}.log`);
const DATABASE_FILE = join(TMP_DIR, `e2e-${port}.sqlite3`);
const MAIL_DIR = join(TMP_DIR, `mail-${port}`);
// No run lasts this long: older databases and logs are left over from killed runs.
const STALE_MS = 2 * 60 * 60 * 1000;
const RAISED_THROTTLE = '10000/min';

function fail(message) {
  process.stderr.write(`[e2e server] ${message}\n`);
  process.exit(1);
}

function logTail(lines = 40) {
  if (!existsSync(LOG_FILE)) return '';
  return readFileSync(LOG_FILE, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

if (!port) fail('HMS_E2E_PORT is not set; start the journeys with `npm run e2e`.');
if (!existsSync(PYTHON)) fail(`${PYTHON} is missing; run \`make install-backend\` first.`);
if (!existsSync(join(SPA_DIST_DIR, 'index.html'))) {
  fail('frontend/dist/index.html is missing; run `make frontend-build` first.');
}

function removeStale(dir, pattern) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (pattern.test(name) && Date.now() - statSync(path).mtimeMs > STALE_MS) {
      rmSync(path, { force: true });
    }
  }
}

function removeDatabase() {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    rmSync(`${DATABASE_FILE}${suffix}`, { force: true });
  }
  rmSync(MAIL_DIR, { recursive: true, force: true });
}

mkdirSync(TMP_DIR, { recursive: true });
mkdirSync(ARTIFACTS_DIR, { recursive: true });
removeStale(TMP_DIR, /^e2e-\d+\.sqlite3/);
removeStale(ARTIFACTS_DIR, /^server-\d+\.log$/);
removeDatabase();
writeFileSync(LOG_FILE, '');

// IMMEDIATE transactions take SQLite's write lock up front and WAL lets readers go on meanwhile,
// so two browsers writing at once wait for each other instead of failing with "database is locked".
const databaseUrl =
  `sqlite:///${DATABASE_FILE}?transaction_mode=IMMEDIATE&timeout=30` +
  `&init_command=${encodeURIComponent('PRAGMA journal_mode=WAL;')}`;

const env = {
  ...process.env,
  DJANGO_SETTINGS_MODULE: 'config.settings.local',
  DATABASE_URL: databaseUrl,
  DEBUG: 'true',
  CACHE_URL: 'locmem://',
  HMS_SPA_DIST_DIR: SPA_DIST_DIR,
  // Links in e-mails (password reset, notifications) point at this server, not make run's port.
  HMS_SITE_URL: `http://127.0.0.1:${port}`,
  HMS_ADMIN_SIGNUP: 'open',
  HMS_REFRESH_COOKIE_SECURE: 'false',
  HMS_THROTTLE_LOGIN: RAISED_THROTTLE,
  HMS_THROTTLE_REFRESH: RAISED_THROTTLE,
  HMS_THROTTLE_SIGNUP: RAISED_THROTTLE,
  HMS_THROTTLE_USER: RAISED_THROTTLE,
  // Journeys sign in wrongly on purpose now and then, across many workers and reruns.
  HMS_LOCKOUT_ATTEMPTS: '1000',
  // Mail (password reset links) lands as files here; journeys read the link from them.
  EMAIL_URL: `file://${MAIL_DIR}`,
  PYTHONUNBUFFERED: '1',
};

function manage(...args) {
  const started = Date.now();
  const result = spawnSync(PYTHON, ['manage.py', ...args], {
    cwd: BACKEND_DIR,
    env,
    encoding: 'utf8',
  });
  appendFileSync(LOG_FILE, `$ manage.py ${args.join(' ')}\n${result.stdout}${result.stderr}`);
  if (result.status !== 0) {
    fail(`manage.py ${args.join(' ')} failed (exit ${result.status}):\n${logTail()}`);
  }
  return Date.now() - started;
}

const migrateMs = manage('migrate', '--noinput');
const seedMs = manage('seed_demo');
process.stdout.write(
  `[e2e server] fresh database ready (migrate ${migrateMs} ms, seed_demo ${seedMs} ms); ` +
    `log: tests/e2e/artifacts/server-${port}.log\n`,
);

// `migrate` has just run the system checks; runserver need not repeat them.
const server = spawn(
  PYTHON,
  ['manage.py', 'runserver', `127.0.0.1:${port}`, '--noreload', '--skip-checks'],
  { cwd: BACKEND_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] },
);

// runserver's access log: `[26/Nov/2026 10:00:00] "GET /path HTTP/1.1" 200 123`.
const ACCESS_LINE_OK = /"[A-Z]+ \S+ HTTP\/[\d.]+" [1-4]\d\d \d+$/;
let stopping = false;

function forward(stream, echo) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    appendFileSync(LOG_FILE, chunk);
    if (!echo) return;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.trim() !== '' && !ACCESS_LINE_OK.test(line)) {
        process.stderr.write(`[e2e server] ${line}\n`);
      }
    }
  });
}

forward(server.stdout, false);
// Django writes its request log and every error to stderr; a 5xx or a traceback is worth seeing.
forward(server.stderr, true);

server.on('exit', (code, signal) => {
  if (stopping) {
    removeDatabase();
    process.exit(0);
  }
  fail(`runserver exited unexpectedly (code ${code}, signal ${signal}):\n${logTail()}`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    stopping = true;
    server.kill('SIGTERM');
    // runserver stops at once on SIGTERM; this is only a backstop.
    setTimeout(() => {
      server.kill('SIGKILL');
      removeDatabase();
      process.exit(0);
    }, 5000).unref();
  });
}
