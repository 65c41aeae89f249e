// The pace page: the month so far from the store that `funnel serve --db DB` reads, as `funnel pace` prints it.
'use strict';

const $ = (id) => document.getElementById(id);

function fixed(v, digits) {
  return v === undefined || v === null ? '-' : Number(v).toFixed(digits);
}

function signed(v) {
  return v === undefined || v === null ? '-' : (v >= 0 ? '+' : '') + Number(v).toFixed(1);
}

function percent(v) {
  return v === undefined || v === null ? '-' : (100 * v).toFixed(1) + '%';
}

function query() {
  const q = new URLSearchParams();
  if ($('month').value) q.set('month', $('month').value);
  if ($('rep').value.trim()) q.set('rep', $('rep').value.trim());
  return q.toString();
}

async function get(path) {
  const r = await fetch(path + (query() ? '?' + query() : ''));
  const body = await r.json();
  if (!r.ok) throw new Error(body.error);
  return body;
}

function show(p) {
  $('title').textContent = p.scope + ', ' + p.month;
  const last = p.days[p.days.length - 1];
  $('phit').textContent = percent(last.pHitTarget);
  $('ahead').textContent = last.cumulativeWins + (last.winsAheadOfPlan === undefined ? '' : ' (' + signed(last.winsAheadOfPlan) + ')');
  $('need').textContent = fixed(last.neededPerDay, 2);
  $('plan').textContent = p.planNewPerDay === undefined ? 'No plan of record: the month\'s first recorded day has no target.'
    : 'Plan of record (as of ' + p.planAsOf + '): ' + fixed(p.planNewPerDay, 2) + ' new deals a day, '
      + fixed(p.planWinsPerDay, 2) + ' wins a day, for a target of ' + p.targetWins + ' wins.';
  const body = $('days').querySelector('tbody');
  body.replaceChildren(...p.days.map((d) => {
    const tr = document.createElement('tr');
    [d.date, d.dayOfMonth, d.newDeals, d.cumulativeNewDeals, fixed(d.planNewDeals, 1), d.wins, d.cumulativeWins,
      fixed(d.planWins, 1), signed(d.winsAheadOfPlan), percent(d.pHitTarget), d.p10 + '-' + d.p90, fixed(d.neededPerDay, 2)]
      .forEach((v) => {
        const td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
    return tr;
  }));
  $('moved').textContent = p.moved === undefined ? '' : 'What moved from ' + p.moved.from + ' to ' + p.moved.to + ': '
    + p.moved.start.count + ' open, +' + p.moved.added.count + ' new, -' + p.moved.won.count + ' won, -'
    + p.moved.lost.count + ' lost' + (p.moved.left.count ? ', -' + p.moved.left.count + ' closed on days not recorded' : '')
    + ' = ' + p.moved.end.count + ' open.' + (p.moved.periodOver ? ' Slipped: ' + p.moved.slipped.count
      + ' deals given at least ' + percent(p.moved.slipThreshold) + ' to be won by the month\'s end are still open.' : '');
  $('accuracy').textContent = p.accuracy === undefined ? '' : 'The month closed with ' + p.accuracy.actualWins
    + ' wins: ' + percent(p.accuracy.coverage80) + ' of the recorded days\' 80% intervals held them, mean CRPS '
    + fixed(p.accuracy.meanCrps, 2) + '.';
}

function svg(id, markup) {
  const box = $(id);
  box.hidden = !markup;
  if (markup) {
    box.replaceChildren(new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement);
  }
}

async function load() {
  $('status').textContent = 'reading the store…';
  try {
    const p = await get('/api/pace');
    $('error').hidden = true;
    if (!$('month').value) $('month').value = p.month;
    show(p);
    const c = await get('/api/pace/charts');
    svg('chart-trend', c.trend);
    svg('chart-wins', c.wins);
    svg('chart-moved', c.moved);
    svg('chart-accuracy', c.accuracy);
    $('status').textContent = '';
  } catch (e) {
    $('error').textContent = e.message;
    $('error').hidden = false;
    $('status').textContent = '';
  }
}

$('month').addEventListener('change', load);
$('rep').addEventListener('change', load);
load();
