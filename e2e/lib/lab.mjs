// Helpers that know the lab's DOM hooks (docs/CONTRACT.md) and the core's command line.
// No node:test here, so scripts (e2e/bin/measure.mjs) can use it too.
import { execFileSync } from 'node:child_process';
import { settle } from './browser.mjs';
import { REPO_ROOT } from './server.mjs';

export const READY = 'main#lab[data-ready="true"]';
export const READY_TIMEOUT_MS = Number(process.env.E2E_READY_TIMEOUT_MS || 30000);

/** URL of the lab with the given query parameters (object or string). */
export function labUrl(base, query = {}) {
  const qs = typeof query === 'string' ? query.replace(/^\?/, '') : new URLSearchParams(query).toString();
  return qs ? `${base}?${qs}` : base;
}

/** Navigate and wait until the app says it is ready. */
export async function gotoLab(page, url, { timeout = READY_TIMEOUT_MS } = {}) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector(READY, { timeout, state: 'attached' });
  await settle(page);
}

/**
 * Everything the tests compare, read from the hooks in one go:
 * { time, lang, client, server, scrub: {value,max}|null, playing, segments: [{id, dir, flags, fate}] }
 */
export async function snapshot(page) {
  return page.evaluate(() => {
    const main = document.querySelector('main#lab');
    const badge = (side) => document.querySelector(`[data-endpoint="${side}"][data-state]`)?.getAttribute('data-state') ?? null;
    const scrub = document.querySelector('input[data-action="scrub"]');
    const play = document.querySelector('[data-action="play"]');
    return {
      time: main?.getAttribute('data-time-ms') ?? null,
      lang: main?.getAttribute('data-lang') ?? null,
      client: badge('client'),
      server: badge('server'),
      scrub: scrub ? { value: scrub.value, max: scrub.max } : null,
      playing: play ? play.getAttribute('aria-pressed') === 'true' : null,
      segments: [...document.querySelectorAll('[data-segment]')].map((el) => ({
        id: el.getAttribute('data-segment'),
        dir: el.getAttribute('data-dir'),
        flags: el.getAttribute('data-flags'),
        fate: el.getAttribute('data-fate'),
      })),
    };
  });
}

/** The parts of a snapshot that define "the same point of the run". */
export function position(s) {
  return {
    time: s.time,
    client: s.client,
    server: s.server,
    segments: s.segments.map((x) => `${x.id}:${x.dir}:${x.flags}:${x.fate}`),
  };
}

/** Segments in send order: by numeric id when ids are numbers, else in DOM order. */
export function inSendOrder(segments) {
  const numeric = segments.every((s) => /^\d+$/.test(s.id ?? ''));
  return numeric ? [...segments].sort((a, b) => Number(a.id) - Number(b.id)) : segments;
}

/** ["c2s S", "s2c SA", …] */
export function dirFlags(segments) {
  return segments.map((s) => `${s.dir} ${s.flags}`);
}

export async function clickAction(page, action) {
  await page.locator(`[data-action="${action}"]`).first().click();
  await settle(page);
}

/**
 * One click on step-forward. Returns the new snapshot and whether anything observable changed
 * (time, states, segments or the scrubber); atEnd when step-forward is disabled (end of the run).
 */
export async function stepForward(page, before) {
  const prev = before ?? (await snapshot(page));
  // At the end of the run the app may disable step-forward: that is the end, not a failure.
  if (await page.locator('[data-action="step-forward"]').first().isDisabled()) {
    return { snap: prev, changed: false, atEnd: true };
  }
  await clickAction(page, 'step-forward');
  const next = await snapshot(page);
  const changed = JSON.stringify({ ...position(prev), scrub: prev.scrub }) !== JSON.stringify({ ...position(next), scrub: next.scrub });
  return { snap: next, changed };
}

/**
 * Step forward until `until(snapshot)` is true, or the run ends (3 steps in a row without any
 * change, or the scrubber at its max), or maxSteps. Calls onStep(snapshot) after every step.
 * Returns { snap, steps, reached }.
 */
export async function stepUntil(page, until, { maxSteps = 400, onStep = () => {} } = {}) {
  let snap = await snapshot(page);
  let stalls = 0;
  for (let steps = 0; steps < maxSteps; steps++) {
    if (until(snap)) return { snap, steps, reached: true };
    const r = await stepForward(page, snap);
    if (r.atEnd) break;
    snap = r.snap;
    onStep(snap);
    stalls = r.changed ? 0 : stalls + 1;
    if (stalls >= 3) break;
  }
  return { snap, steps: maxSteps, reached: until(snap) };
}

/** The sub-path the hostile-host tests serve the lab under. */
export const COURSE_PREFIX = '/courses/net/tcp-lab/';

/**
 * A course page with the lab in `<iframe id="lab" sandbox="allow-scripts">` (an opaque origin),
 * for `open({ routes: { '/course.html': coursePage(…) }, path: '/course.html', … })`.
 * `query` is the lab's query string (already `&amp;`-escaped); `head` goes into the page's head.
 */
export function coursePage(query, { width = 700, height = 450, head = '' } = {}) {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>course page</title>
    <link rel="icon" href="data:,">${head}</head><body><h1>Week 3: TCP</h1>
    <iframe id="lab" sandbox="allow-scripts" width="${width}" height="${height}"
            src="${COURSE_PREFIX}?${query}"></iframe></body></html>`;
  return { body, type: 'text/html; charset=utf-8' };
}

export const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

// ---- the core's command line: the source of truth for expected traces -------------------
const traceCache = new Map();

/**
 * The core's trace of a named scenario, from `cargo run -p tcp-sim --bin tcp-sim -- named NAME --json`.
 * Set $TCP_SIM_BIN to use a prebuilt binary instead of cargo.
 */
export function coreTrace(name, { profile = 'linux' } = {}) {
  const key = `${name}/${profile}`;
  if (traceCache.has(key)) return traceCache.get(key);
  const trace = JSON.parse(tcpSim(['named', name, '--json', '--profile', profile]));
  traceCache.set(key, trace);
  return trace;
}

/**
 * One connection of a server scenario's run as the lab's ladder shows it:
 * `tcp-sim named NAME --json --profile P --conn N` (the core's `Trace::connection_view`).
 */
export function coreConnection(name, conn, { profile = 'linux' } = {}) {
  const key = `${name}/${profile}/conn${conn}`;
  if (traceCache.has(key)) return traceCache.get(key);
  const trace = JSON.parse(tcpSim(['named', name, '--json', '--profile', profile, '--conn', String(conn)]));
  traceCache.set(key, trace);
  return trace;
}

/** The core's trace of a scenario file: `tcp-sim run FILE --json` (with `extra` options). */
export function coreRunFile(file, extra = []) {
  return JSON.parse(tcpSim(['run', file, '--json', ...extra]));
}

/** Final state of each side in a core trace: { client, server }. */
export function finalStates(trace) {
  const last = (xs) => (xs && xs.length ? xs[xs.length - 1].to : 'CLOSED');
  return { client: last(trace.states?.client), server: last(trace.states?.server) };
}

/** The core's CLI with `args`, its standard output ($TCP_SIM_BIN, or cargo run). */
function tcpSim(args) {
  const maxBuffer = 256 << 20;
  return process.env.TCP_SIM_BIN
    ? execFileSync(process.env.TCP_SIM_BIN, args, { encoding: 'utf8', maxBuffer })
    : execFileSync('cargo', ['run', '-q', '-p', 'tcp-sim', '--bin', 'tcp-sim', '--', ...args], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        maxBuffer,
        stdio: ['ignore', 'pipe', 'inherit'],
        timeout: 15 * 60 * 1000,
      });
}

/**
 * The core's reading of a capture file: `tcp-sim replay FILE --json` (the connection list), or
 * with `conn`, `--conn N --json` (that connection's reconstructed trace).
 */
export function coreReplay(file, conn = null, extra = []) {
  return JSON.parse(tcpSim(['replay', file, '--json', ...(conn === null ? [] : ['--conn', String(conn)]), ...extra]));
}
