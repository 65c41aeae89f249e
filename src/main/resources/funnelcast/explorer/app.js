'use strict';
// The explorer's page: fields built from the scenario document, every change a setting
// (PATH=VALUE, as the command line's --set), the figures from the server's exact method.

const state = {
  scenarios: [], index: 0, source: null, document: null,
  settings: new Map(), confidence: 0.8, uncertainty: false, figures: null, pinned: null,
  draws: [], seed: 42, revealed: false, controller: null, chartsTimer: null,
  presenting: false, guesses: [], round: 1,
  fromLink: new Set(), rejected: []   // the link's settings not yet touched; those the server refused
};
const $ = id => document.getElementById(id);

async function post(path, body, signal) {
  const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal });
  const text = await r.text();
  let json;
  try { json = JSON.parse(text); } catch (e) { json = { error: text }; }
  if (!r.ok) { const e = new Error(json.error || r.statusText); e.field = json.field; e.status = r.status; throw e; }
  return json;
}

function request(extra) {
  return Object.assign({
    scenario: state.index, source: state.source,
    set: [...state.settings].map(([p, v]) => p + '=' + v), confidence: state.confidence,
    uncertainty: state.uncertainty
  }, extra || {});
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'text') e.textContent = v; else if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

// ---- fields -------------------------------------------------------------------------------

function field(path, label, value, kind) {
  const current = state.settings.has(path) ? state.settings.get(path) : value;
  const wrap = el('div', { class: 'field', 'data-path': path });
  const id = 'f-' + path.replace(/[^A-Za-z0-9_-]/g, '_');
  wrap.append(el('label', { for: id, text: label }));
  if (kind === 'probability') {
    const slider = el('input', { type: 'range', min: 0, max: 1, step: 0.01, value: current, 'aria-label': label + ' slider' });
    const number = el('input', { type: 'number', id, min: 0, max: 1, step: 0.01, value: current, name: path });
    slider.addEventListener('input', () => { number.value = slider.value; changed(path, slider.value); });
    number.addEventListener('input', () => { slider.value = number.value; changed(path, number.value); });
    wrap.append(slider, number);
  } else {
    const input = el('input', { type: kind === 'date' ? 'date' : 'number', id, value: current, name: path,
      step: kind === 'count' ? 1 : 'any' });
    input.addEventListener('input', () => changed(path, input.value));
    wrap.append(input, el('span'));
  }
  return wrap;
}

// ---- dwells as a mean in working days, the law from a list -----------------------------------

/** ln Γ(x) for x > 0 (Lanczos, g = 7): enough for a Weibull's mean, Γ(1 + 1/k). */
function logGamma(x) {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The laws the page edits by their mean, each with its shape parameter (none for the exponential) and its default. */
const LAWS = {
  exponential: { shape: null },
  lognormal: { shape: 'sigma', start: 0.8 },
  gamma: { shape: 'shape', start: 2 },
  weibull: { shape: 'shape', start: 1.5 }
};

function lawMean(law) {
  switch (law.dist) {
    case 'exponential': return law.mean;
    case 'lognormal': return law.median * Math.exp(law.sigma * law.sigma / 2);
    case 'gamma': return law.shape * law.scale;
    case 'weibull': return law.scale * Math.exp(logGamma(1 + 1 / law.shape));
    default: return undefined;
  }
}

/** The law of this family with this mean and shape, as the scenario writes it. */
function lawOf(dist, mean, shape) {
  switch (dist) {
    case 'exponential': return { dist, mean };
    case 'lognormal': return { dist, median: mean / Math.exp(shape * shape / 2), sigma: shape };
    case 'gamma': return { dist, shape, scale: mean / shape };
    default: return { dist, shape, scale: mean / Math.exp(logGamma(1 + 1 / shape)) };
  }
}

/**
 * A dwell's fields: the law chosen from a list, its mean in working days and its shape; a change
 * of any sets the whole law (one setting, its JSON as the value). A law the list does not hold
 * (fixed, uniform, empirical) keeps its own parameters' fields.
 */
function dwellFields(path, label, documentLaw) {
  let law = documentLaw;
  if (state.settings.has(path)) {
    try { law = JSON.parse(state.settings.get(path)); } catch (e) { law = documentLaw; }
  }
  if (!LAWS[law.dist]) {
    return numericLeaves(law, path, []).map(([p, k, v]) => field(p, label + ' ' + (law.dist || '') + ' ' + k, v, 'number'));
  }
  const id = 'f-' + path.replace(/[^A-Za-z0-9_-]/g, '_');
  const wrap = el('div', { class: 'field dwell', 'data-path': path });
  const select = el('select', { 'aria-label': label + ' law' });
  for (const d of Object.keys(LAWS)) select.append(el('option', { value: d, text: d }));
  select.value = law.dist;
  const mean = el('input', { type: 'number', id, min: 0, step: 'any', value: +lawMean(law).toFixed(4), name: path + '.mean',
    'aria-label': label + ' mean in working days' });
  const shapeName = LAWS[law.dist].shape;
  const shape = el('input', { type: 'number', min: 0, step: 'any', value: shapeName ? law[shapeName] : '', name: path + '.shape',
    'aria-label': label + ' shape', title: shapeName ? shapeName : 'no shape: memoryless' });
  shape.disabled = !shapeName;
  const update = () => {
    const dist = select.value;
    const s = LAWS[dist].shape;
    if (!s) { shape.value = ''; shape.disabled = true; } else {
      shape.disabled = false;
      if (shape.value === '' || dist !== update.dist) shape.value = LAWS[dist].start;
    }
    update.dist = dist;
    const m = Number(mean.value);
    if (mean.value === '' || !(m > 0) || (s && !(Number(shape.value) > 0))) return;
    changed(path, JSON.stringify(lawOf(dist, m, s ? Number(shape.value) : null)));
  };
  update.dist = law.dist;
  select.addEventListener('change', update);
  mean.addEventListener('input', update);
  shape.addEventListener('input', update);
  wrap.append(el('label', { for: id, text: label + ': mean (days), law, shape' }),
    el('span', { class: 'dwell-inputs' }, mean, select, shape));
  return [wrap];
}

function numericLeaves(obj, prefix, into, skip) {
  for (const [k, v] of Object.entries(obj || {})) {
    if (skip && skip.includes(k)) continue;
    if (typeof v === 'number') into.push([prefix + '.' + k, k, v]);
  }
  return into;
}

function buildFields() {
  const doc = state.document;
  const funnel = $('funnel');
  funnel.replaceChildren();
  for (const stage of doc.stages || []) {
    const box = el('div', { class: 'stage', 'data-stage': stage.id });
    box.append(el('h3', { text: stage.label ? stage.label + ' (' + stage.id + ')' : stage.id }));
    box.append(el('div', { class: 'stock', 'data-stock': stage.id }));
    const base = 'stages.' + stage.id;
    if (stage.exits) {
      for (const [k, v] of Object.entries(stage.exits)) {
        if (k === 'lost') continue;
        box.append(field(base + '.exits.' + k, 'to ' + k, v, 'probability'));
      }
      if ('lost' in stage.exits) box.append(el('div', { class: 'hint', 'data-lost': base, text: '' }));
    }
    if (stage.exitCounts) {
      for (const [k, v] of Object.entries(stage.exitCounts)) box.append(field(base + '.exitCounts.' + k, 'seen to ' + k, v, 'count'));
    }
    if (stage.dwell) box.append(...dwellFields(base + '.dwell', 'dwell', stage.dwell));
    for (const [exit, law] of Object.entries(stage.exitDwell || {})) {
      box.append(...dwellFields(base + '.exitDwell.' + exit, 'dwell to ' + exit, law));
    }
    funnel.append(box);
  }
  // the pipeline as it stands: each entry's age, and its count where it is a group of deals
  const pipeline = $('pipeline');
  pipeline.replaceChildren();
  (doc.pipeline || []).forEach((d, i) => {
    const base = 'pipeline[' + i + ']';
    const who = (d.id ? d.id : (d.count || 1) + ' deals') + ' at ' + d.stage + (d.rep ? ' (' + d.rep + ')' : '');
    pipeline.append(field(base + '.age', who + ': age', d.age, 'number'));
    if (!d.id) pipeline.append(field(base + '.count', who + ': count', d.count || 1, 'count'));
  });
  $('pipeline-section').hidden = !(doc.pipeline || []).length;
  const general = $('general');
  general.replaceChildren();
  for (const [path, k, v] of numericLeaves(doc.inflow, 'inflow', [])) general.append(field(path, 'inflow ' + k, v, 'number'));
  if (doc.inflow && doc.inflow.team) {
    for (const [path, k, v] of numericLeaves(doc.inflow.team, 'inflow.team', [])) general.append(field(path, 'team ' + k, v, 'number'));
  }
  for (const [path, k, v] of numericLeaves(doc.target, 'target', [])) general.append(field(path, 'target ' + k, v, k === 'revenue' ? 'number' : 'count'));
  if (doc.calendar) {
    for (const k of ['start', 'end']) if (doc.calendar[k]) general.append(field('calendar.' + k, 'horizon ' + k, doc.calendar[k], 'date'));
  }
  showLost();
  // parameter uncertainty needs counts: exitCounts on some stage, or the inflow's observed days
  const counts = (doc.stages || []).some(s => s.exitCounts) || (doc.inflow && doc.inflow.observed);
  $('uncertainty-field').hidden = !counts;
  if (!counts) state.uncertainty = false;
  $('uncertainty').checked = state.uncertainty;
}

function valueAt(path) {
  if (state.settings.has(path)) return state.settings.get(path);
  let at = state.document;
  for (const step of path.split('.')) {
    if (Array.isArray(at)) at = at.find(s => s.id === step); else at = at && at[step];
  }
  return at;
}

function showLost() {
  for (const stage of state.document.stages || []) {
    if (!stage.exits || !('lost' in stage.exits)) continue;
    const base = 'stages.' + stage.id;
    let rest = 1;
    for (const k of Object.keys(stage.exits)) if (k !== 'lost') rest -= Number(valueAt(base + '.exits.' + k));
    const note = document.querySelector('[data-lost="' + base + '"]');
    if (note) note.textContent = 'lost: ' + (Math.max(0, rest)).toFixed(2) + ' (what the others leave)';
  }
}

function original(path) {
  const saved = new Map(state.settings);
  state.settings.delete(path);
  const v = valueAt(path);
  state.settings = saved;
  return v;
}

function changed(path, value) {
  if (value === '' || value === null) return;
  state.fromLink.delete(path);
  state.rejected = state.rejected.filter(r => r.path !== path);
  showLinkNotes();
  if (String(original(path)) === String(value)) state.settings.delete(path); else state.settings.set(path, value);
  showLost();
  updateUrl();
  state.draws = [];
  refresh();
}

// ---- the figures ----------------------------------------------------------------------------

function clearErrors() {
  $('error').hidden = true;
  document.querySelectorAll('.field.bad').forEach(f => { f.classList.remove('bad'); const m = f.querySelector('.message'); if (m) m.remove(); });
}

/** The command line's words where the page has other ones: it shows lost as what the others leave, with no field. */
function pageWords(message) {
  return message.replace(/; lower another exit first, or set lost too/, '; lower another exit of this stage first');
}

function showError(e) {
  e.message = pageWords(e.message);
  const f = e.field ? document.querySelector('.field[data-path="' + CSS.escape(e.field) + '"]') : null;
  if (f) {
    f.classList.add('bad');
    f.append(el('div', { class: 'message', role: 'alert', text: e.message }));
  } else {
    $('error').textContent = e.message;
    $('error').hidden = false;
  }
  $('status').textContent = 'not updated: see the message';
}

async function refresh() {
  if (state.controller) state.controller.abort();
  const controller = new AbortController();
  state.controller = controller;
  const started = performance.now();
  $('status').textContent = 'computing…';
  try {
    const f = await post('/api/figures', request(), controller.signal);
    if (controller !== state.controller) return;
    clearErrors();
    markRejected();
    state.figures = f;
    render(f);
    $('status').textContent = 'updated in ' + Math.round(performance.now() - started) + ' ms';
    clearTimeout(state.chartsTimer);
    state.chartsTimer = setTimeout(charts, 120);
  } catch (e) {
    if (e.name === 'AbortError') return;
    if (e.status === 400 && rejectFromLink(e)) return refresh();
    clearErrors();
    showError(e);
  }
}

// ---- a link's bad settings ------------------------------------------------------------------

/**
 * A setting that came with the link and that the server refuses is set aside, and the figures
 * are computed without it: a typo in a shared link shows the base figures, the bad setting
 * named above them and beside its field. Without a field named, every setting of the link is
 * set aside. True when something was set aside (the caller asks again).
 */
function rejectFromLink(e) {
  const paths = e.field && state.fromLink.has(e.field) ? [e.field] : (e.field ? [] : [...state.fromLink]);
  if (!paths.length) return false;
  for (const path of paths) {
    state.rejected.push({ path, value: state.settings.get(path), message: e.message });
    state.settings.delete(path);
    state.fromLink.delete(path);
  }
  updateUrl();
  buildFields();
  showLinkNotes();
  return true;
}

/** The server's message without the file's name and the path it begins with, which the note says already. */
function plain(message, path) {
  let m = message.replace(/^[^:]*\.(json|ya?ml): /, '');
  if (m.startsWith(path + ': ')) m = m.slice(path.length + 2);
  return m;
}

function showLinkNotes() {
  const notes = $('link-notes');
  notes.replaceChildren();
  if (!state.rejected.length) { notes.hidden = true; return; }
  notes.append(el('span', { text: 'This link asks for ' + (state.rejected.length > 1 ? 'settings' : 'a setting')
    + ' the scenario does not take; the figures are without ' + (state.rejected.length > 1 ? 'them' : 'it') + ':' }));
  const list = el('ul');
  for (const r of state.rejected) list.append(el('li', { text: r.path + ' = ' + r.value + ': ' + plain(r.message, r.path) }));
  notes.append(list);
  notes.hidden = false;
  markRejected();
}

/** Beside a field the scenario has, the value the link asked for and why it was not used. */
function markRejected() {
  for (const r of state.rejected) {
    const f = document.querySelector('.field[data-path="' + CSS.escape(r.path) + '"]');
    if (!f || f.querySelector('.message.link')) continue;
    f.classList.add('bad');
    f.append(el('div', { class: 'message link', role: 'alert', text: 'the link asked for ' + r.value + ', not used: '
      + plain(r.message, r.path) }));
  }
}

function pct(p) { return (100 * p).toFixed(1) + '%'; }

function render(f) {
  $('title').textContent = f.scenario;
  $('mean').textContent = f.meanText;
  $('quantiles').textContent = f.p10 + ' / ' + f.p50 + ' / ' + f.p90;
  const hidden = state.presenting && !state.revealed; // presentation mode: the answer waits for the reveal
  $('phit').textContent = hidden ? 'hidden until revealed' : f.pHitText || '— (no target)';
  $('revenue-figure').hidden = f.pRevenueText === undefined;
  if (f.pRevenueText !== undefined) {
    $('revenue-name').textContent = 'P(revenue ≥ ' + f.revenueTarget.toLocaleString('en-US') + ')';
    $('prevenue').textContent = hidden ? 'hidden until revealed' : f.pRevenueText;
  }
  $('needed').textContent = f.inflowNeededText !== undefined ? f.inflowNeededText : '— (none reaches it)';
  $('now').textContent = 'now ' + f.inflowPerDay + ' a day';
  $('bottleneck').textContent = f.bottleneck || '—';
  $('method').textContent = f.method === 'exact'
    ? 'Exact method, as forecast --method exact; its proven error bound on the distribution: ' + f.bound.toExponential(1) + '.'
    : f.method + '.';
  for (const s of f.stages) {
    const box = document.querySelector('[data-stock="' + CSS.escape(s.id) + '"]');
    if (box) box.textContent = 'holds about ' + s.stock.toFixed(1) + ' deals at this inflow; wins ' + pct(s.pWin)
      + ' of them eventually; a visit lasts ' + s.meanDwell.toFixed(1) + ' working days on average';
  }
  renderCompare();
  renderMonths();
}

function rows(f) {
  return [
    ['Expected wins', f.mean, f.meanText, 2],
    ['P10', f.p10, String(f.p10), 0], ['P50', f.p50, String(f.p50), 0], ['P90', f.p90, String(f.p90), 0],
    ['P(hit target)', f.pHitTarget, f.pHitText, 'pct'],
    ['P(revenue ≥ target)', f.pRevenueTarget, f.pRevenueText, 'pct'],
    ['New deals a day needed', f.inflowNeeded, f.inflowNeededText, 2],
    ['Bottleneck', null, f.bottleneck || '—', null]
  ];
}

function renderCompare() {
  const table = $('compare');
  if (!state.pinned || !state.figures) { table.hidden = true; renderAbSettings(); return; }
  const body = table.querySelector('tbody');
  body.replaceChildren();
  const a = rows(state.pinned.figures), b = rows(state.figures);
  for (let i = 0; i < a.length; i++) {
    if (a[i][2] === undefined && b[i][2] === undefined) continue; // a figure neither side has (no revenue target)
    let diff = '';
    if (a[i][3] !== null && a[i][1] !== undefined && b[i][1] !== undefined) {
      const d = b[i][1] - a[i][1];
      diff = a[i][3] === 'pct' ? (d >= 0 ? '+' : '') + (100 * d).toFixed(1) + ' pts' : (d >= 0 ? '+' : '') + d.toFixed(a[i][3]);
    } else if (a[i][2] !== b[i][2]) {
      diff = 'changed';
    }
    body.append(el('tr', {}, el('td', { text: a[i][0] }), el('td', { text: a[i][2] || '—' }), el('td', { text: b[i][2] || '—' }), el('td', { text: diff })));
  }
  table.hidden = false;
  renderAbSettings();
}

/** A's settings when A was pinned on the scenario now shown (an A/B compares one scenario's settings). */
function pinnedSettings() {
  const p = state.pinned;
  if (!p || p.index !== state.index || p.source !== state.source) return undefined;
  return [...p.settings].map(([k, v]) => k + '=' + v);
}

async function charts() {
  try {
    const c = await post('/api/charts', request({ width: 640, height: 380, pinned: pinnedSettings() }));
    // the SVG comes from this server's charts (JFreeSVG), never from the page's input
    $('chart-wins').innerHTML = c.wins;
    $('chart-fan').innerHTML = c.fan;
    $('chart-stock').innerHTML = c.stock;
    const ab = c.abWins !== undefined;
    document.querySelectorAll('#charts figure.ab').forEach(f => { f.hidden = !ab; });
    $('chart-ab-wins').innerHTML = ab ? c.abWins : '';
    $('chart-ab-fan').innerHTML = ab ? c.abFan : '';
  } catch (e) {
    // the figures show the message already
  }
}

/** The settings in which A and B differ, each with its value in A and in B. */
function renderAbSettings() {
  const out = $('ab-settings');
  const a = pinnedSettings();
  if (a === undefined) { out.hidden = true; return; }
  const pinned = state.pinned.settings;
  const paths = new Set([...pinned.keys(), ...state.settings.keys()]);
  const diffs = [];
  for (const p of paths) {
    const va = pinned.has(p) ? pinned.get(p) : original(p);
    const vb = state.settings.has(p) ? state.settings.get(p) : original(p);
    if (String(va) !== String(vb)) diffs.push(p + ': ' + va + ' → ' + vb);
  }
  out.textContent = diffs.length ? 'B differs from A in ' + diffs.join('; ') + '.' : 'B has the same settings as A.';
  out.hidden = false;
}

/** A chart drawn over the page, as wide as the window: its text grows with it. */
function enlarge(chart) {
  if (!chart.innerHTML) return;
  const box = $('enlarged');
  box.innerHTML = chart.innerHTML;
  box.hidden = false;
}

// ---- classroom ------------------------------------------------------------------------------

async function draw(n) {
  try {
    const r = await post('/api/months', request({ seed: state.seed, from: state.draws.length, count: n }));
    state.draws.push(...r.wins);
    renderMonths();
  } catch (e) {
    showError(e);
  }
}

function renderMonths() {
  const strip = $('months');
  strip.replaceChildren();
  const f = state.figures;
  if (!f) return;
  const top = Math.max(f.target || 0, f.p90, ...state.draws) * 1.25 + 1;
  const x = v => (100 * v / top) + '%';
  if (state.revealed) {
    const peak = Math.max(...f.pmf);
    f.pmf.forEach((p, k) => {
      if (p < 1e-4) return;
      strip.append(el('div', { class: 'bar', style: 'left:' + x(f.alreadyWon + k - 0.5) + ';width:' + x(1) + ';height:' + (90 * p / peak) + '%' }));
    });
  }
  if (f.target !== undefined) strip.append(el('div', { class: 'target', style: 'left:' + x(f.target), title: 'target ' + f.target }));
  // the dots shrink as the tallest column grows, so that every draw stays inside the strip above the axis
  const counts = new Map();
  for (const w of state.draws) counts.set(w, (counts.get(w) || 0) + 1);
  const tallest = Math.max(1, ...counts.values());
  const room = strip.clientHeight - 24;
  const step = Math.max(1, Math.min(11, room / tallest));
  const size = Math.max(2, Math.min(10, step - 1));
  const seen = new Map();
  for (const w of state.draws) {
    const level = seen.get(w) || 0;
    seen.set(w, level + 1);
    strip.append(el('div', { class: 'dot' + (f.target !== undefined && w >= f.target ? ' hit' : ''), title: w + ' wins',
      style: 'left:' + x(w) + ';bottom:' + (20 + step * level) + 'px;width:' + size + 'px;height:' + size + 'px;margin-left:'
        + (-size / 2) + 'px' }));
  }
  for (let v = 0; v <= top; v += Math.max(1, Math.round(top / 8))) strip.append(el('span', { class: 'axis', style: 'left:' + x(v), text: String(v) }));
  score();
}

function score() {
  const f = state.figures;
  const out = $('score');
  const n = state.draws.length;
  if (!f || f.target === undefined) { out.textContent = 'This scenario has no target to hit.'; return; }
  const hits = state.draws.filter(w => w >= f.target).length;
  let text = (state.round > 1 ? 'Round ' + state.round + ': ' : '')
    + (n ? n + (n === 1 ? ' month' : ' months') + ' drawn, ' + hits + ' hit the target (' + pct(hits / n) + ').' : 'No month drawn yet.');
  const g = Number($('guess').value);
  // in presentation mode the exact answer waits for the reveal; otherwise it comes with the first draw
  const answer = state.presenting ? state.revealed : n > 0 || state.revealed;
  if ($('guess').value !== '' && g >= 0 && g <= 100 && answer) {
    const brier = (g / 100 - f.pHitTarget) ** 2;
    text += ' You guessed ' + g + '%; the exact P(hit) is ' + f.pHitText + ': off by ' + Math.abs(g - 100 * f.pHitTarget).toFixed(1)
      + ' points (squared error ' + brier.toFixed(3) + ').';
  }
  out.textContent = text;
  renderGuesses(answer);
}

/** The class's guesses: how many are in until the reveal, then each beside the exact answer. */
function renderGuesses(answer) {
  const f = state.figures;
  const out = $('guesses');
  const gs = state.guesses;
  if (!gs.length || !f || f.pHitTarget === undefined) { out.textContent = ''; return; }
  if (!answer) {
    out.textContent = gs.length + (gs.length === 1 ? ' guess' : ' guesses') + ' from the class, kept for the reveal.';
    return;
  }
  const exact = 100 * f.pHitTarget;
  const mean = gs.reduce((a, b) => a + b, 0) / gs.length;
  const closest = gs.reduce((a, b) => Math.abs(b - exact) < Math.abs(a - exact) ? b : a);
  out.textContent = 'The class guessed ' + gs.map(g => g + '%').join(', ') + ' (mean ' + mean.toFixed(1) + '%); the exact P(hit) is '
    + f.pHitText + '. Closest: ' + closest + '% (off by ' + Math.abs(closest - exact).toFixed(1) + ' points); the mean is off by '
    + Math.abs(mean - exact).toFixed(1) + ' points.';
}

function present(on) {
  state.presenting = on;
  document.body.classList.toggle('presenting', on);
  $('present').setAttribute('aria-pressed', String(on));
  $('reveal').textContent = on ? 'Reveal the answer' : 'Reveal the distribution';
  if (state.figures) render(state.figures);
}

// ---- scenario, link, file -------------------------------------------------------------------

function updateUrl() {
  const q = new URLSearchParams();
  if (state.index) q.set('scenario', state.index);
  if (state.confidence !== 0.8) q.set('confidence', state.confidence);
  if (state.uncertainty) q.set('uncertainty', '1');
  if (state.presenting) q.set('present', '1');
  for (const [p, v] of state.settings) q.append('set', p + '=' + v);
  history.replaceState(null, '', q.toString() ? '?' + q : location.pathname);
}

async function loadDocument() {
  if (state.source) {
    const r = await post('/api/document', { source: state.source });
    state.document = r.document;
  } else {
    state.document = state.scenarios[state.index].document;
  }
  buildFields();
}

async function init() {
  const r = await fetch('/api/scenarios');
  state.scenarios = await r.json();
  const q = new URLSearchParams(location.search);
  state.index = Math.min(state.scenarios.length - 1, Math.max(0, Number(q.get('scenario') || 0)));
  for (const s of q.getAll('set')) {
    const eq = s.indexOf('=');
    if (eq > 0) state.settings.set(s.slice(0, eq), s.slice(eq + 1));
  }
  state.fromLink = new Set(state.settings.keys());
  present(q.get('present') === '1');
  $('present').addEventListener('click', () => { present(!state.presenting); updateUrl(); });
  const conf = Number(q.get('confidence') || 0.8);
  state.confidence = conf > 0 && conf < 1 ? conf : 0.8;
  state.uncertainty = q.get('uncertainty') === '1';
  $('uncertainty').addEventListener('change', () => {
    state.uncertainty = $('uncertainty').checked; state.draws = []; updateUrl(); refresh();
  });
  const select = $('scenario');
  state.scenarios.forEach((s, i) => select.append(el('option', { value: i, text: s.name })));
  select.value = state.index;
  select.addEventListener('change', async () => {
    if (select.value === 'opened') return;
    const opened = select.querySelector('option[value="opened"]');
    if (opened) opened.remove();
    state.index = Number(select.value); state.source = null; state.settings.clear(); state.draws = [];
    updateUrl(); await loadDocument(); refresh();
  });
  const cs = $('confidence');
  for (const c of [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) cs.append(el('option', { value: c, text: Math.round(c * 100) + '%' }));
  if (![...cs.options].some(o => Number(o.value) === state.confidence)) cs.append(el('option', { value: state.confidence, text: pct(state.confidence) }));
  cs.value = state.confidence;
  cs.addEventListener('change', () => { state.confidence = Number(cs.value); updateUrl(); refresh(); });
  $('open').addEventListener('change', e => {
    const file = e.target.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = async () => {
      const source = { name: file.name, text: reader.result, yaml: /\.ya?ml$/i.test(file.name) };
      try {
        await post('/api/document', { source });
        state.source = source; state.settings.clear(); state.draws = []; state.pinned = null;
        // the menu names the file now shown
        let mine = select.querySelector('option[value="opened"]');
        if (!mine) { mine = el('option', { value: 'opened' }); select.append(mine); }
        mine.textContent = file.name + ' (opened)';
        select.value = 'opened';
        updateUrl(); await loadDocument(); refresh();
        $('status').textContent = 'opened ' + file.name + ' (a link cannot carry a file: download it to share)';
      } catch (err) { clearErrors(); showError(err); }
    };
    reader.readAsText(file);
  });
  $('download').addEventListener('click', async () => {
    try {
      const r = await fetch('/api/scenario', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request()) });
      if (!r.ok) throw Object.assign(new Error((await r.json()).error), {});
      const blob = await r.blob();
      const name = (r.headers.get('Content-Disposition') || '').replace(/.*filename="([^"]*)".*/, '$1') || 'scenario.json';
      const a = el('a', { href: URL.createObjectURL(blob), download: name });
      document.body.append(a); a.click(); a.remove();
    } catch (e) { showError(e); }
  });
  $('share').addEventListener('click', async () => {
    try { await navigator.clipboard.writeText(location.href); $('status').textContent = 'link copied'; }
    catch (e) { $('status').textContent = location.href; }
  });
  $('reset').addEventListener('click', async () => { state.settings.clear(); state.draws = []; updateUrl(); await loadDocument(); refresh(); });
  $('pin').addEventListener('click', () => {
    if (!state.figures) return;
    state.pinned = { figures: state.figures, settings: new Map(state.settings), index: state.index, source: state.source };
    $('unpin').hidden = false; renderCompare(); charts();
  });
  $('unpin').addEventListener('click', () => { state.pinned = null; $('unpin').hidden = true; renderCompare(); charts(); });
  document.querySelectorAll('.chart').forEach(c => c.addEventListener('click', () => enlarge(c)));
  $('enlarged').addEventListener('click', () => { $('enlarged').hidden = true; });
  document.addEventListener('keydown', e => { if (e.key === 'Escape') $('enlarged').hidden = true; });
  $('draw').addEventListener('click', () => draw(1));
  $('draw10').addEventListener('click', () => draw(10));
  $('reveal').addEventListener('click', () => {
    state.revealed = !state.revealed;
    document.body.classList.toggle('revealed', state.revealed);
    if (state.figures) render(state.figures);
  });
  $('clear').addEventListener('click', () => {
    // a new round draws new months: a fresh seed, not the same months again
    state.draws = []; state.revealed = false; state.guesses = []; state.round++;
    state.seed = 1 + Math.floor(Math.random() * 2147483646);
    document.body.classList.remove('revealed');
    if (state.figures) render(state.figures);
  });
  $('guess').addEventListener('input', score);
  $('add-guess').addEventListener('click', () => {
    const g = Number($('guess').value);
    if ($('guess').value === '' || !(g >= 0 && g <= 100)) return;
    state.guesses.push(g);
    $('guess').value = '';
    score();
  });
  await loadDocument();
  await refresh();
}

init().catch(e => showError(e));
