// Benchmarks of the desktop app (issue 6): launch to the unlock screen, New call to the case
// number on screen, and the memory of all the app's processes. Not part of `npm test` (whose
// glob is *.test.mjs in tests/e2e); scripts/bench-desktop.sh builds the release app, starts
// Xvfb, D-Bus and tauri-driver, and runs this.
//
// Environment:
//   HELPLINE_APP           absolute path of the (release) helpline-desktop binary
//   BENCH_DRIVER_PORT      tauri-driver's port [4454]
//   BENCH_DESKTOP_OUT      where the JSON goes [target/bench-desktop.json]
//   BENCH_BIG_STORE        a big store's data folder, copied before use; empty skips (c)
//   BENCH_BIG_USER, BENCH_BIG_PASSPHRASE   its user [bench / "benchmark passphrase"]
//   BENCH_BUILD            recorded as "build" [release]

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';

import { AppDriver, WAIT, appBinary } from '../support.mjs';

const REPO = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const OUT = resolve(REPO, process.env.BENCH_DESKTOP_OUT || 'target/bench-desktop.json');
const PORT = Number(process.env.BENCH_DRIVER_PORT || 4454);
const BIG_STORE = process.env.BENCH_BIG_STORE ?? '';
const BIG_USER = process.env.BENCH_BIG_USER || 'bench';
const BIG_PASSPHRASE = process.env.BENCH_BIG_PASSPHRASE || 'benchmark passphrase';
const LAUNCHES = 5;
const NEW_CALLS = 20;
const SETTLE_MS = 5_000;
const SMALL_USER = 'bench-volunteer';
const SMALL_PASSPHRASE = 'bench a calm voice on the line';
const SMALL_CALLS = 3;
const HZ = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

const log = (...args) => console.log('[bench-desktop]', ...args);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile. */
function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

// --- /proc ------------------------------------------------------------------------------

/** Fields of /proc/<pid>/stat after the command name: [0] is field 3 (state). */
function statFields(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const close = text.lastIndexOf(')');
  return { comm: text.slice(text.indexOf('(') + 1, close), rest: text.slice(close + 2).trim().split(' ') };
}

function pids() {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
}

/** Running processes whose executable is the app binary. */
function appPids(binary) {
  return pids().filter((pid) => {
    try {
      return readlinkSync(`/proc/${pid}/exe`) === binary;
    } catch {
      return false;
    }
  });
}

/** The process and every descendant, by walking the ppid of every /proc/<pid>/stat. */
function processTree(root) {
  const children = new Map();
  for (const pid of pids()) {
    try {
      const ppid = Number(statFields(pid).rest[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(pid);
    } catch {
      // gone meanwhile
    }
  }
  const tree = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift();
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The five mappings (by name; [anon] for anonymous ones) with the most Pss, in MB. */
function topMappings(pid) {
  const byName = new Map();
  let name = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) name = header[1] || '[anon]';
    else if (line.startsWith('Pss:')) byName.set(name, (byName.get(name) ?? 0) + Number(line.split(/\s+/)[1]));
  }
  return Object.fromEntries(
    [...byName].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, kb]) => [n, round(kb / 1024)]),
  );
}

/** Sum of Pss and Rss (smaps_rollup) over the app's process tree, in MB (MiB). */
function memory(root) {
  let pss = 0;
  let rss = 0;
  const processes = [];
  for (const pid of processTree(root)) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
      pss += kb('Pss');
      rss += kb('Rss');
      processes.push({
        pid,
        name: statFields(pid).comm,
        pss: round(kb('Pss') / 1024),
        rss: round(kb('Rss') / 1024),
        top: topMappings(pid),
      });
    } catch {
      // gone meanwhile, or a kernel thread
    }
  }
  return { pss: round(pss / 1024), rss: round(rss / 1024), processes };
}

/** Wall-clock ms (epoch) at which the process started. starttime is in clock ticks since boot;
 *  /proc/uptime, read together with Date.now(), places boot on the wall clock to 10 ms (btime
 *  in /proc/stat only has whole seconds). */
function processStartWallMs(pid) {
  const startTicks = Number(statFields(pid).rest[19]); // field 22
  const now = Date.now();
  const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  return now - (uptime - startTicks / HZ) * 1000;
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  let webkit = null;
  try {
    webkit = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' });
  } catch {
    // not Debian
  }
  return {
    cpu: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? 'unknown',
    cores: (cpuinfo.match(/^processor\s*:/gm) ?? []).length,
    ram_mb: Math.round(Number(/^MemTotal:\s+(\d+) kB/m.exec(meminfo)[1]) / 1024),
    kernel: readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim(),
    webkitgtk: webkit,
  };
}

// --- the app ----------------------------------------------------------------------------

async function launch(binary, dataDir) {
  const stale = appPids(binary);
  if (stale.length) throw new Error(`the app is already running (pids ${stale.join(', ')}); close it first`);
  const browser = await remote({
    hostname: '127.0.0.1',
    port: PORT,
    path: '/',
    logLevel: 'warn',
    // A render of a big list can hold the page's thread for minutes.
    connectionRetryTimeout: 900_000,
    connectionRetryCount: 1,
    capabilities: {
      'tauri:options': { application: binary, args: ['--data-dir', dataDir] },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  await browser.setTimeout({ script: 900_000 });
  const found = appPids(binary);
  if (found.length !== 1) throw new Error(`expected one app process, found ${found.length}`);
  return { app: new AppDriver(browser), pid: found[0] };
}

/** Ends the session, and makes sure the app and its children are gone. */
async function quit(app, pid) {
  const tree = processTree(pid);
  await app.close();
  for (let i = 0; i < 100 && tree.some((p) => existsSync(`/proc/${p}`)); i++) await sleep(100);
  for (const p of tree) {
    if (existsSync(`/proc/${p}`)) {
      log(`process ${p} outlived its session; killing it`);
      try {
        process.kill(p, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
}

/** In the page: resolves when `selector` matches (and `ready`, if given, holds), with the
 *  wall-clock time (performance.timeOrigin + performance.now()) at which it was seen. If it
 *  was there already when this ran, `already` says so and the time is an upper bound. */
function whenShown(selector) {
  return async (browser) =>
    browser.executeAsync((sel, done) => {
      const stamp = () => performance.timeOrigin + performance.now();
      if (document.querySelector(sel)) {
        done({ at: stamp(), already: true });
        return;
      }
      const observer = new MutationObserver(() => {
        if (document.querySelector(sel)) {
          const at = stamp();
          observer.disconnect();
          done({ at, already: false });
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    }, selector);
}

/** Home is up and its lists are loaded (the New call button usable). */
async function waitHomeLoaded(app) {
  await app.waitFor('#home');
  await app.browser.waitUntil(
    async () =>
      app.browser.execute(() => {
        const button = document.getElementById('new-call');
        return !!button && !button.disabled && !document.getElementById('cases-loading');
      }),
    { timeout: 900_000, interval: 50, timeoutMsg: 'home did not finish loading' },
  );
}

async function waitUntilSaved(app) {
  await app.browser.waitUntil(async () => (await app.browser.$('#autosave-status').getAttribute('data-state')) === 'saved', {
    timeout: WAIT,
    timeoutMsg: 'the notes were not autosaved',
  });
}

/** In the page: clicks `submit` and measures until `selector` exists (ms, performance.now()). */
async function timeClickUntil(app, submit, selector) {
  return app.browser.executeAsync(
    (button, sel, done) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector(sel)) {
          const ms = performance.now() - t0;
          observer.disconnect();
          done(ms);
        }
      });
      observer.observe(document, { childList: true, subtree: true });
      const t0 = performance.now();
      document.querySelector(button).click();
    },
    submit,
    selector,
  );
}

// --- the measurements -------------------------------------------------------------------

/** A fresh store set up through the first-run screen, with a few calls; left locked. */
async function makeSmallStore(binary) {
  const dataDir = await mkdtemp(join(tmpdir(), 'helpline-bench-small-'));
  const { app, pid } = await launch(binary, dataDir);
  try {
    await app.waitFor('#setup');
    await app.setUp(SMALL_USER, SMALL_PASSPHRASE);
    for (let i = 0; i < SMALL_CALLS; i++) {
      await waitHomeLoaded(app);
      await app.click('#new-call');
      await app.waitFor('#call');
      await app.click('#level-strong_interest');
      await app.fill('#notes', `Benchmark call ${i + 1}: the aunt says her nephew has stopped seeing friends.`);
      await waitUntilSaved(app);
      await app.click('#end-call');
      await app.waitFor('#case-history');
      await app.click('#nav-home');
    }
    await waitHomeLoaded(app);
  } finally {
    await quit(app, pid);
  }
  return dataDir;
}

async function launchToUnlock(binary, dataDir, run, last) {
  const { app, pid } = await launch(binary, dataDir);
  const startedAt = processStartWallMs(pid);
  const shown = await whenShown('#unlock-form')(app.browser);
  const ms = round(shown.at - startedAt);
  log(`launch ${run}: ${ms} ms to the unlock screen${shown.already ? ' (already there at the first look: upper bound)' : ''}`);
  const result = { ms, observed: !shown.already };
  if (!last) {
    await quit(app, pid);
    return { result };
  }
  return { result, app, pid };
}

async function newCallTimes(app) {
  const dom = [];
  const frame = [];
  for (let i = 0; i < NEW_CALLS; i++) {
    await waitHomeLoaded(app);
    const r = await app.browser.executeAsync((done) => {
      const ready = () => {
        const number = document.getElementById('call-case-number');
        return !!number && number.textContent.trim().length > 0;
      };
      const observer = new MutationObserver(() => {
        if (!ready()) return;
        const shown = performance.now() - t0;
        observer.disconnect();
        // And the next frame: rAF runs before that frame's paint, the timeout just after it.
        requestAnimationFrame(() => setTimeout(() => done({ shown, frame: performance.now() - t0 }), 0));
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
      const t0 = performance.now();
      document.getElementById('new-call').click();
    });
    dom.push(round(r.shown));
    frame.push(round(r.frame));
    // Discard the call: the home screen comes back.
    await app.click('#discard-call');
    await app.click('#discard-call-confirm');
  }
  await waitHomeLoaded(app);
  log(`New call to number: ${dom.join(', ')} ms`);
  return {
    median: round(median(dom)),
    p95: percentile(dom, 95),
    runs: dom,
    to_next_frame: { median: round(median(frame)), p95: percentile(frame, 95), runs: frame },
  };
}

async function settledMemory(pid, what) {
  await sleep(SETTLE_MS);
  const m = memory(pid);
  log(`memory, ${what}: Pss ${m.pss} MB, Rss ${m.rss} MB over ${m.processes.length} processes`);
  return m;
}

/** Samples the app's memory every second (Pss, Rss, and the web process's number of mappings,
 *  against vm.max_map_count) until stopped; returns the peaks. */
function memorySampler(pid) {
  const peak = { pss: 0, rss: 0, maps: 0, samples: 0 };
  const timer = setInterval(() => {
    try {
      let pss = 0;
      let rss = 0;
      for (const p of processTree(pid)) {
        try {
          const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
          pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
          rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
          peak.maps = Math.max(peak.maps, readFileSync(`/proc/${p}/maps`, 'utf8').split('\n').length - 1);
        } catch {
          // gone meanwhile
        }
      }
      peak.pss = Math.max(peak.pss, round(pss / 1024));
      peak.rss = Math.max(peak.rss, round(rss / 1024));
      peak.samples++;
    } catch {
      // the app is gone
    }
  }, 1000);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** The last lines tauri-driver and the app wrote, for a crash report. */
function driverLogTail(lines = 5) {
  const path = process.env.TAURI_DRIVER_LOG;
  if (!path || !existsSync(path)) return [];
  return readFileSync(path, 'utf8').trim().split('\n').slice(-lines);
}

async function bigStore(binary) {
  if (!BIG_STORE) return { skipped: 'BENCH_BIG_STORE is empty' };
  const source = resolve(REPO, BIG_STORE);
  if (!existsSync(source)) return { skipped: `no big store at ${source}` };
  let calls = null;
  let cases = null;
  const manifest = join(dirname(source), 'manifest.json');
  if (existsSync(manifest)) ({ calls, cases } = JSON.parse(readFileSync(manifest, 'utf8')));
  // Unlocking writes to the store (audit trail, retention): work on a copy.
  const copyRoot = await mkdtemp(join(tmpdir(), 'helpline-bench-big-'));
  const dataDir = join(copyRoot, 'data');
  log(`copying ${source} to ${dataDir}`);
  await cp(source, dataDir, { recursive: true });
  const { app, pid } = await launch(binary, dataDir);
  const stopSampler = memorySampler(pid);
  const out = { calls, cases };
  let stage = 'unlock';
  try {
    await app.waitFor('#unlock-form');
    await app.fill('#unlock-user', BIG_USER);
    await app.fill('#unlock-passphrase', BIG_PASSPHRASE);
    // Until #home is shown, then until its list of cases has arrived.
    const { home, loaded } = await app.browser.executeAsync((done) => {
      const t0 = performance.now();
      let home = null;
      const check = () => {
        if (home === null && document.getElementById('home')) home = performance.now() - t0;
        const button = document.getElementById('new-call');
        if (home !== null && button && !button.disabled && !document.getElementById('cases-loading')) {
          observer.disconnect();
          done({ home, loaded: performance.now() - t0 });
          return;
        }
        const error = document.getElementById('error');
        if (error && error.textContent.trim() && !error.hidden) {
          observer.disconnect();
          done({ home: null, loaded: null, error: error.textContent.trim() });
        }
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      document.getElementById('unlock-submit').click();
    });
    if (home === null) throw new Error(`unlocking the big store failed: ${await app.shownError()}`);
    out.unlock_ms = round(home);
    out.home_cases_loaded_ms = round(loaded);
    log(`big store: home after ${out.unlock_ms} ms, its cases loaded after ${out.home_cases_loaded_ms} ms`);

    // Home lists the open cases as well.
    stage = 'home, cases listed';
    out.home_rows_shown = await app.browser.execute(() => document.querySelectorAll('#home .case-row').length);
    const atHome = await settledMemory(pid, `big store, home (${out.home_rows_shown} rows)`);
    out.home_memory = { pss: atHome.pss, rss: atHome.rss, processes: atHome.processes };

    stage = 'cases screen';
    const t0 = Date.now();
    await app.click('#nav-cases');
    await app.waitFor('#cases-screen');
    await app.browser.waitUntil(async () => !(await app.exists('#cases-loading')), {
      timeout: 900_000,
      interval: 50,
      timeoutMsg: 'the cases list did not load',
    });
    out.cases_screen_ms = Date.now() - t0;
    out.rows_shown = await app.browser.execute(() => document.querySelectorAll('#cases-table .case-row').length);
    log(`big store: cases screen loaded after ${out.cases_screen_ms} ms (WebDriver-side), ${out.rows_shown} rows shown`);
    const m = await settledMemory(pid, 'big store, cases screen');
    out.memory = { pss: m.pss, rss: m.rss, processes: m.processes };
  } catch (error) {
    out.failed = { stage, error: String(error?.message ?? error).split('\n')[0], driver_log: driverLogTail() };
    log(`big store: failed at "${stage}": ${out.failed.error}`);
    for (const line of out.failed.driver_log) log(`  log: ${line}`);
  } finally {
    out.peak = stopSampler();
    log(`big store: peak Pss ${out.peak.pss} MB, Rss ${out.peak.rss} MB, ${out.peak.maps} mappings in one process (vm.max_map_count ${readFileSync('/proc/sys/vm/max_map_count', 'utf8').trim()})`);
    await quit(app, pid);
    await rm(copyRoot, { recursive: true, force: true });
  }
  return out;
}

async function main() {
  const binary = realpathSync(await appBinary());
  log(`app: ${binary}`);
  const result = {
    machine: machine(),
    build: process.env.BENCH_BUILD || 'release',
    app: binary,
    date: new Date().toISOString(),
  };

  log('setting up a small store through the first-run screen');
  const smallDir = await makeSmallStore(binary);
  try {
    // 1. Launch to the unlock screen, LAUNCHES fresh sessions; the last one goes on.
    const runs = [];
    let session = null;
    for (let run = 1; run <= LAUNCHES; run++) {
      const r = await launchToUnlock(binary, smallDir, run, run === LAUNCHES);
      runs.push(r.result);
      if (r.app) session = r;
    }
    result.launch_to_unlock_ms = {
      median: round(median(runs.map((r) => r.ms))),
      runs: runs.map((r) => r.ms),
      observed: runs.map((r) => r.observed),
    };
    const { app, pid } = session;
    try {
      // 3a. Idle on the unlock screen.
      const idleUnlock = await settledMemory(pid, 'unlock screen');
      // 3b. Idle, unlocked, on a store with a few calls.
      await app.unlock(SMALL_USER, SMALL_PASSPHRASE);
      await waitHomeLoaded(app);
      const idleSmall = await settledMemory(pid, `small store (${SMALL_CALLS} calls), home`);
      // 2. New call to the case number.
      result.new_call_to_number_ms = await newCallTimes(app);
      result.memory_mb = {
        idle_unlock_screen: { pss: idleUnlock.pss, rss: idleUnlock.rss, processes: idleUnlock.processes },
        idle_small_store: { pss: idleSmall.pss, rss: idleSmall.rss, calls: SMALL_CALLS, processes: idleSmall.processes },
      };
    } finally {
      await quit(app, pid);
    }
  } finally {
    await rm(smallDir, { recursive: true, force: true });
  }

  // 3c. The big store.
  const big = await bigStore(binary);
  if (big.skipped) {
    log(`skipping the big store: ${big.skipped}`);
    result.memory_mb.big_store_open = { skipped: big.skipped };
    result.big_store_unlock_ms = null;
  } else {
    result.memory_mb.big_store_open = {
      pss: big.memory?.pss ?? null,
      rss: big.memory?.rss ?? null,
      calls: big.calls,
      cases: big.cases,
      rows_shown: big.rows_shown ?? null,
      processes: big.memory?.processes ?? null,
    };
    result.memory_mb.big_store_home = { pss: big.home_memory?.pss ?? null, rss: big.home_memory?.rss ?? null, rows_shown: big.home_rows_shown ?? null };
    result.memory_mb.big_store_peak = big.peak;
    result.big_store_unlock_ms = big.unlock_ms ?? null;
    result.big_store_home_cases_loaded_ms = big.home_cases_loaded_ms ?? null;
    result.big_store_cases_screen_ms = big.cases_screen_ms ?? null;
    if (big.failed) result.big_store_failed = big.failed;
  }

  await mkdir(dirname(OUT), { recursive: true });
  await writeFile(OUT, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${OUT}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
