'use strict';
// Generates TA-Lib reference fixtures for AlphaTrade's indicator tests.
//
// Two deterministic data sets (seeded PRNG, no clock, no Math.random):
//   main    - ~2,500 daily bars of varied regimes (trends, chop, flat stretches, gaps, zero volume,
//             doji/hammer/marubozu-rich candles) on which every TA-Lib function runs at its default
//             parameters, plus non-default parameter sets for the main functions.
//   candles - windows cut from a large random pool of shape-rich candles, chosen so that every CDL*
//             pattern fires at least a few times; every CDL* function runs on it.
//
// Output (in the directory given as the first argument):
//   bars_<set>.csv.gz     time_utc,open,high,low,close,volume,periods   (periods feeds MAVP's inPeriods)
//   talib_<set>.csv.gz    one column per (call, output); empty cell = TA-Lib produced no value (warm-up)
//   manifest.json         every call: function, data set, parameters (TA-Lib order), inputs, outputs,
//                         TA-Lib's begIndex (= lookback), and the column of each output
// Doubles are written with 17 significant digits so that they round-trip exactly.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const talib = require('talib');
const TALIB_VERSION = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('talib')), 'package.json'), 'utf8')).version;

const outDir = process.argv[2] || path.join(__dirname, '..', '..', 'tests', 'AlphaTrade.Indicators.Tests', 'Fixtures');
const SEED = 20260311;

// ---- deterministic PRNG (mulberry32) -------------------------------------------------------------
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.normal = () => {
    const u = Math.max(next(), 1e-12), v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  next.pick = (arr) => arr[Math.floor(next() * arr.length)];
  return next;
}

const cents = (x) => Math.round(x * 100) / 100;

// One candle from the previous close, a drift/volatility regime and a shape drawn from a rich mix.
function candle(r, prevClose, drift, vol, shapeBias) {
  const range = Math.max(0.02, prevClose * vol * (0.3 + 1.7 * r()));
  let open;
  const g = r();
  if (g < 0.55) open = prevClose;                                          // no gap
  else if (g < 0.80) open = prevClose * (1 + vol * 0.3 * r.normal());        // small gap
  else open = prevClose * (1 + (r() < 0.5 ? -1 : 1) * vol * (1 + 2 * r())); // real gap
  open = Math.max(0.05, open);
  const dir = r() < 0.5 + drift * 20 ? 1 : -1;
  const s = shapeBias !== undefined ? shapeBias : r();
  let body, upper, lower;
  if (s < 0.12) { body = 0; upper = range * r(); lower = range * r(); }                         // doji (exact)
  else if (s < 0.17) { body = 0; upper = 0; lower = range; }                                    // dragonfly
  else if (s < 0.21) { body = 0; upper = range; lower = 0; }                                    // gravestone
  else if (s < 0.33) { body = range; upper = 0; lower = 0; }                                    // marubozu
  else if (s < 0.45) { body = range * 0.25; upper = range * 0.02 * r(); lower = range * 0.75; } // hammer / hanging man
  else if (s < 0.53) { body = range * 0.25; upper = range * 0.75; lower = range * 0.02 * r(); } // inverted hammer / shooting star
  else if (s < 0.70) { body = range * (0.6 + 0.4 * r()); upper = range * 0.1 * r(); lower = range * 0.1 * r(); } // long line
  else if (s < 0.82) { body = range * 0.15 * r(); upper = range * r(); lower = range * r(); }  // spinning top / high wave
  else { body = range * r(); upper = range * 0.5 * r(); lower = range * 0.5 * r(); }             // anything
  let close = open + dir * body;
  if (close <= 0.05) close = open + body;
  open = cents(open); close = cents(close);
  const high = cents(Math.max(open, close) + upper);
  const low = cents(Math.max(0.01, Math.min(open, close) - lower));
  return { open, high, low, close };
}

function volumeFor(r, flat) {
  if (flat || r() < 0.02) return 0;
  return Math.round(Math.exp(11 + 0.8 * r.normal()));
}

// Main data set: regimes of random length.
function mainSet(r, n) {
  const bars = [];
  let close = 100;
  while (bars.length < n) {
    const regime = r.pick(['up', 'down', 'chop', 'highvol', 'lowvol', 'flat', 'gappy', 'up', 'down', 'chop']);
    const len = regime === 'flat' ? r.int(8, 30) : r.int(40, 180);
    for (let k = 0; k < len && bars.length < n; k++) {
      if (regime === 'flat') {
        bars.push({ open: close, high: close, low: close, close, volume: volumeFor(r, k % 3 !== 0) });
        continue;
      }
      let drift = 0, vol = 0.015;
      if (regime === 'up') drift = 0.004;
      if (regime === 'down') drift = -0.004;
      if (regime === 'highvol') vol = 0.045;
      if (regime === 'lowvol') vol = 0.004;
      if (regime === 'chop') drift = (100 - close) / close * 0.02;
      const c = candle(r, close, drift, vol, regime === 'gappy' && r() < 0.5 ? 0.25 : undefined);
      if (regime === 'gappy' && r() < 0.5) {
        const shift = cents(close * 0.03 * (r() < 0.5 ? -1 : 1));
        c.open = cents(Math.max(0.05, c.open + shift)); c.close = cents(Math.max(0.05, c.close + shift));
        c.high = cents(Math.max(c.high + shift, c.open, c.close)); c.low = cents(Math.max(0.01, Math.min(c.low + shift, c.open, c.close)));
      }
      c.volume = volumeFor(r, false);
      bars.push(c);
      close = c.close;
    }
  }
  return bars;
}

function poolSet(r, n) {
  const bars = [];
  let close = 50;
  let drift = 0;
  for (let i = 0; i < n; i++) {
    if (i % 7 === 0) drift = r.pick([-0.01, -0.004, 0, 0, 0.004, 0.01]);
    const c = candle(r, close, drift, 0.02);
    // Keep the pool's price level bounded so that windows look alike.
    if (c.close > 200 || c.close < 10) { const k = 50 / c.close; for (const f of ['open', 'high', 'low', 'close']) c[f] = cents(c[f] * k); }
    c.volume = volumeFor(r, false);
    bars.push(c);
    close = c.close;
  }
  return bars;
}

function addTimesAndPeriods(r, bars) {
  // Daily bars at 14:30 UTC on weekdays from 2015-01-02; periods for MAVP: 1..40, some fractional.
  let t = Date.UTC(2015, 0, 2, 14, 30);
  for (const b of bars) {
    while ([0, 6].includes(new Date(t).getUTCDay())) t += 86400000;
    b.time = new Date(t).toISOString();
    t += 86400000;
    b.periods = r() < 0.2 ? Math.round(r() * 4000) / 100 : r.int(1, 40);
  }
}

const col = (bars, f) => bars.map((b) => b[f]);
function inputsFor(bars) {
  return { open: col(bars, 'open'), high: col(bars, 'high'), low: col(bars, 'low'), close: col(bars, 'close'), volume: col(bars, 'volume'), periods: col(bars, 'periods') };
}

// Real inputs: inReal = close; two-input functions take high (inReal0) and low (inReal1), as TA-Lib's
// Python abstract API does; MAVP's inPeriods = the periods column; OBV's inReal = close.
function realInputMap(fn) {
  const map = {};
  for (const inp of fn.inputs) {
    if (inp.type !== 'real') continue;
    if (inp.name === 'inReal') map.inReal = 'close';
    else if (inp.name === 'inReal0') map.inReal0 = 'high';
    else if (inp.name === 'inReal1') map.inReal1 = 'low';
    else if (inp.name === 'inPeriods') map.inPeriods = 'periods';
    else throw new Error('unknown real input ' + inp.name);
  }
  return map;
}

function run(fnName, data, params) {
  const fn = talib.explain(fnName);
  const args = { name: fnName, startIdx: 0, endIdx: data.close.length - 1 };
  const inputs = realInputMap(fn);
  for (const [k, v] of Object.entries(inputs)) args[k] = data[v];
  for (const inp of fn.inputs) {
    if (inp.type === 'price') for (const f of Object.values(inp.flags)) { args[f] = data[f]; inputs[f] = f; }
  }
  const p = [];
  for (const o of fn.optInputs) {
    const v = params && o.name in params ? params[o.name] : o.defaultValue;
    args[o.name] = v;
    p.push({ name: o.name, value: v });
  }
  const res = talib.execute(args);
  if (res.error) throw new Error(fnName + ': ' + JSON.stringify(res.error));
  return { fn, params: p, inputs, res };
}

const fmt = (x) => (Number.isInteger(x) ? String(x) : x.toPrecision(17).replace(/(\.\d*?)0+($|e)/, '$1$2').replace(/\.($|e)/, '$1'));

function emit(set, bars, calls) {
  const n = bars.length;
  const columns = [];
  const manifest = [];
  for (const c of calls) {
    const outs = c.fn.outputs.map((o) => o.name);
    const key = c.fn.name + (c.params.length ? '(' + c.params.map((p) => fmt(p.value)).join(',') + ')' : '');
    const entry = { id: key, function: c.fn.name, dataset: set, parameters: c.params, inputs: c.inputs, outputs: outs, begIndex: c.res.begIndex, columns: [] };
    for (const o of outs) {
      const name = key + ':' + o;
      const vals = new Array(n).fill('');
      const r = c.res.result[o];
      for (let i = 0; i < c.res.nbElement; i++) vals[c.res.begIndex + i] = fmt(r[i]);
      columns.push({ name, vals });
      entry.columns.push(name);
    }
    manifest.push(entry);
  }
  const lines = [columns.map((c) => c.name).join(',')];
  for (let i = 0; i < n; i++) lines.push(columns.map((c) => c.vals[i]).join(','));
  fs.writeFileSync(path.join(outDir, `talib_${set}.csv.gz`), zlib.gzipSync(lines.join('\n') + '\n', { level: 9 }));
  const blines = ['time_utc,open,high,low,close,volume,periods'];
  for (const b of bars) blines.push([b.time, fmt(b.open), fmt(b.high), fmt(b.low), fmt(b.close), fmt(b.volume), fmt(b.periods)].join(','));
  fs.writeFileSync(path.join(outDir, `bars_${set}.csv.gz`), zlib.gzipSync(blines.join('\n') + '\n', { level: 9 }));
  return manifest;
}

// Non-default parameter sets (TA-Lib optIn names) for the main functions.
const EXTRA = {
  SMA: [{ optInTimePeriod: 10 }, { optInTimePeriod: 2 }],
  EMA: [{ optInTimePeriod: 10 }, { optInTimePeriod: 50 }],
  WMA: [{ optInTimePeriod: 10 }],
  DEMA: [{ optInTimePeriod: 10 }],
  TEMA: [{ optInTimePeriod: 10 }],
  TRIMA: [{ optInTimePeriod: 10 }, { optInTimePeriod: 11 }],
  KAMA: [{ optInTimePeriod: 10 }],
  T3: [{ optInTimePeriod: 10, optInVFactor: 0.5 }],
  MA: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((t) => ({ optInTimePeriod: 10, optInMAType: t })).concat([{ optInTimePeriod: 1, optInMAType: 0 }]),
  MAVP: [{ optInMinPeriod: 3, optInMaxPeriod: 20, optInMAType: 1 }, { optInMinPeriod: 2, optInMaxPeriod: 30, optInMAType: 8 }],
  BBANDS: [{ optInTimePeriod: 20 }, { optInTimePeriod: 10, optInNbDevUp: 1.5, optInNbDevDn: 2.5, optInMAType: 1 }],
  MIDPOINT: [{ optInTimePeriod: 5 }],
  MIDPRICE: [{ optInTimePeriod: 5 }],
  SAR: [{ optInAcceleration: 0.01, optInMaximum: 0.1 }],
  SAREXT: [{ optInStartValue: 0, optInOffsetOnReverse: 0.01, optInAccelerationInitLong: 0.01, optInAccelerationLong: 0.03, optInAccelerationMaxLong: 0.25, optInAccelerationInitShort: 0.015, optInAccelerationShort: 0.025, optInAccelerationMaxShort: 0.15 },
    { optInStartValue: 95 }, { optInStartValue: -105 }],
  RSI: [{ optInTimePeriod: 7 }, { optInTimePeriod: 21 }],
  STOCHRSI: [{ optInTimePeriod: 14, optInFastK_Period: 14, optInFastD_Period: 3, optInFastD_MAType: 0 }],
  STOCH: [{ optInFastK_Period: 14, optInSlowK_Period: 3, optInSlowK_MAType: 0, optInSlowD_Period: 3, optInSlowD_MAType: 0 },
    { optInFastK_Period: 9, optInSlowK_Period: 5, optInSlowK_MAType: 1, optInSlowD_Period: 4, optInSlowD_MAType: 2 }],
  STOCHF: [{ optInFastK_Period: 14, optInFastD_Period: 3, optInFastD_MAType: 1 }],
  MACD: [{ optInFastPeriod: 5, optInSlowPeriod: 35, optInSignalPeriod: 5 }, { optInFastPeriod: 26, optInSlowPeriod: 12, optInSignalPeriod: 9 }],
  MACDEXT: [{ optInFastPeriod: 12, optInFastMAType: 1, optInSlowPeriod: 26, optInSlowMAType: 1, optInSignalPeriod: 9, optInSignalMAType: 1 },
    { optInFastPeriod: 8, optInFastMAType: 2, optInSlowPeriod: 21, optInSlowMAType: 3, optInSignalPeriod: 5, optInSignalMAType: 5 }],
  MACDFIX: [{ optInSignalPeriod: 5 }],
  PPO: [{ optInFastPeriod: 12, optInSlowPeriod: 26, optInMAType: 1 }],
  APO: [{ optInFastPeriod: 5, optInSlowPeriod: 20, optInMAType: 1 }],
  MOM: [{ optInTimePeriod: 1 }],
  ROC: [{ optInTimePeriod: 20 }],
  CCI: [{ optInTimePeriod: 20 }],
  CMO: [{ optInTimePeriod: 9 }],
  WILLR: [{ optInTimePeriod: 5 }],
  ADX: [{ optInTimePeriod: 7 }, { optInTimePeriod: 28 }],
  ADXR: [{ optInTimePeriod: 7 }],
  DX: [{ optInTimePeriod: 7 }],
  PLUS_DI: [{ optInTimePeriod: 7 }, { optInTimePeriod: 1 }],
  MINUS_DI: [{ optInTimePeriod: 7 }, { optInTimePeriod: 1 }],
  PLUS_DM: [{ optInTimePeriod: 7 }, { optInTimePeriod: 1 }],
  MINUS_DM: [{ optInTimePeriod: 7 }, { optInTimePeriod: 1 }],
  AROON: [{ optInTimePeriod: 25 }],
  AROONOSC: [{ optInTimePeriod: 25 }],
  MFI: [{ optInTimePeriod: 7 }],
  TRIX: [{ optInTimePeriod: 9 }],
  ULTOSC: [{ optInTimePeriod1: 5, optInTimePeriod2: 10, optInTimePeriod3: 20 }],
  ADOSC: [{ optInFastPeriod: 5, optInSlowPeriod: 20 }],
  ATR: [{ optInTimePeriod: 7 }, { optInTimePeriod: 1 }],
  NATR: [{ optInTimePeriod: 7 }],
  STDDEV: [{ optInTimePeriod: 20, optInNbDev: 2 }],
  VAR: [{ optInTimePeriod: 20, optInNbDev: 1 }],
  LINEARREG: [{ optInTimePeriod: 5 }],
  LINEARREG_SLOPE: [{ optInTimePeriod: 5 }],
  LINEARREG_ANGLE: [{ optInTimePeriod: 5 }],
  LINEARREG_INTERCEPT: [{ optInTimePeriod: 5 }],
  TSF: [{ optInTimePeriod: 5 }],
  CORREL: [{ optInTimePeriod: 10 }],
  BETA: [{ optInTimePeriod: 10 }],
  SUM: [{ optInTimePeriod: 10 }],
  MAX: [{ optInTimePeriod: 10 }],
  MIN: [{ optInTimePeriod: 10 }],
  MAXINDEX: [{ optInTimePeriod: 10 }],
  MININDEX: [{ optInTimePeriod: 10 }],
  MINMAX: [{ optInTimePeriod: 10 }],
  MINMAXINDEX: [{ optInTimePeriod: 10 }],
  AVGDEV: [{ optInTimePeriod: 5 }],
  IMI: [{ optInTimePeriod: 5 }],
  ACCBANDS: [{ optInTimePeriod: 10 }],
  MAMA: [{ optInFastLimit: 0.3, optInSlowLimit: 0.1 }],
};

const CDL = talib.functions.map((f) => f.name).filter((n) => n.startsWith('CDL'));

function cdlCounts(data) {
  const counts = {};
  const hits = {};
  for (const name of CDL) {
    const { res } = run(name, data);
    const out = res.result.outInteger;
    hits[name] = [];
    for (let i = 0; i < res.nbElement; i++) if (out[i] !== 0) hits[name].push(res.begIndex + i);
    counts[name] = hits[name].length;
  }
  return { counts, hits };
}

function main() {
  fs.mkdirSync(outDir, { recursive: true });
  // main data set
  const r = rng(SEED);
  const mainBars = mainSet(r, 2500);
  addTimesAndPeriods(r, mainBars);
  const mainData = inputsFor(mainBars);
  const mainCalls = [];
  for (const f of talib.functions) {
    mainCalls.push(run(f.name, mainData));
    for (const p of EXTRA[f.name] || []) mainCalls.push(run(f.name, mainData, p));
  }
  const manifest = emit('main', mainBars, mainCalls);

  // candles data set: windows of a shape-rich pool around the hits of the rarest patterns
  // Pool chunks (each from its own seed) are searched until every pattern has enough hits.
  const WANT = 6, BEFORE = 24, AFTER = 2;
  const have = Object.fromEntries(CDL.map((n) => [n, 0]));
  const candleBars = [];
  for (let chunk = 0; chunk < 12 && CDL.some((n) => have[n] < WANT); chunk++) {
    const rp = rng(SEED + 1 + chunk);
    const pool = poolSet(rp, 400000);
    addTimesAndPeriods(rp, pool);
    const { hits } = cdlCounts(inputsFor(pool));
    const chosen = [];
    const order = [...CDL].sort((a, b) => hits[a].length - hits[b].length);
    for (const name of order) {
      for (const idx of hits[name]) {
        if (have[name] >= WANT) break;
        if (idx < BEFORE || idx + AFTER >= pool.length) continue;
        chosen.push([idx - BEFORE, idx + AFTER]);
        for (const other of CDL) {
          if (hits[other].some((j) => j >= idx - 4 && j <= idx)) have[other]++;
        }
      }
    }
    chosen.sort((a, b) => a[0] - b[0]);
    let lastEnd = -1;
    for (const [s, e] of chosen) {
      for (let i = Math.max(s, lastEnd + 1); i <= e; i++) candleBars.push({ ...pool[i] });
      lastEnd = e;
    }
  }
  addTimesAndPeriods(rng(SEED + 2), candleBars);
  const candleData = inputsFor(candleBars);
  const { counts } = cdlCounts(candleData);
  const mainCounts = cdlCounts(mainData).counts;
  const candleCalls = CDL.map((n) => run(n, candleData));
  manifest.push(...emit('candles', candleBars, candleCalls));

  const meta = {
    generator: 'scripts/talib-fixtures/generate.js',
    talibNpm: TALIB_VERSION,
    taLibC: '0.6.0-dev (bundled with npm talib ' + TALIB_VERSION + ')',
    seed: SEED,
    bars: { main: mainBars.length, candles: candleBars.length },
    realInputs: 'inReal=close; inReal0=high, inReal1=low; inPeriods=periods column',
    cdlCounts: Object.fromEntries(CDL.map((n) => [n, { main: mainCounts[n], candles: counts[n] }])),
    calls: manifest,
  };
  fs.writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(meta, null, 1) + '\n');
  const weak = CDL.filter((n) => counts[n] + mainCounts[n] < 3);
  console.log(`main: ${mainBars.length} bars, ${mainCalls.length} calls; candles: ${candleBars.length} bars`);
  console.log('CDL counts (main/candles):', CDL.map((n) => `${n}=${mainCounts[n]}/${counts[n]}`).join(' '));
  if (weak.length) console.log('WEAK patterns (<3 hits):', weak.join(' '));
}

main();
