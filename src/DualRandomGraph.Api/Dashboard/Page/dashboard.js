// The compliance dashboard: the chosen agency's and period's complianceStats from /graphql, drawn with Chart.js, and
// refreshed whenever the server says they changed (complianceChanged over graphql-transport-ws). Read-only.
'use strict';

(() => {
  const graphqlUrl = new URL('../graphql', location.href);
  const socketUrl = new URL(graphqlUrl);
  socketUrl.protocol = graphqlUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const params = new URLSearchParams(location.search);
  const $ = id => document.getElementById(id);
  const LABELS = { KEY: '重点源', SPECIAL: '特殊源', GENERAL: '一般污染源', CONSTRUCTION_PROJECT: '建设项目', INDUSTRIAL_PARK: '工业园区' };

  // What anyone may read of a published period, and what staff read besides; the server decides who is which.
  const PUBLIC = `agencyCode agencyName year quarter categories { category inspectedFirms visits }
    publicationsOnTime publicationsLate latePublications { year quarter deadline publishedOn workingDaysLate }
    visits problemsFound problemFoundRate`;
  const STAFF = `${PUBLIC} categories { poolSize requiredMinimum drawn ratio requiredRatio met }
    keyCoverage keyTargets keyTargetsCovered uncoveredKeyTargets { name } publicationsDue`;
  const query = fields => `query DashboardStats($agencyId: ID!, $year: Int!, $quarter: Int) {
    complianceStats(agencyId: $agencyId, year: $year, quarter: $quarter) { ${fields} } }`;
  const subscription = fields => `subscription DashboardLive($agencyId: ID!, $year: Int!, $quarter: Int) {
    complianceChanged(agencyId: $agencyId, year: $year, quarter: $quarter) { ${fields} } }`;

  // Narrowed to PUBLIC once the server refuses the staff figures: a subscription event with a refused field is withheld.
  let fields = STAFF;
  let chart = null;
  let socket = null;
  let renders = 0;

  const token = () => sessionStorage.getItem('drg-token') ?? '';
  const percent = value => value == null ? '—' : `${(value * 100).toFixed(1)} %`;
  const text = value => value == null ? '—' : String(value);
  const refused = error => ['AUTH_NOT_AUTHORIZED', 'AUTH_NOT_AUTHENTICATED'].includes(error.extensions?.code);

  function say(message) {
    $('message').hidden = !message;
    $('message').textContent = message ?? '';
  }

  function live(state, detail) {
    $('live').dataset.state = state;
    $('live').textContent = state === 'live' ? '实时更新：已连接 (live)' : `实时更新：未连接 (live: offline)${detail ? ` — ${detail}` : ''}`;
  }

  async function graphql(body) {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
    if (token()) headers.Authorization = `Bearer ${token()}`;
    const response = await fetch(graphqlUrl, { method: 'POST', headers, body: JSON.stringify(body) });
    return response.json();
  }

  function period() {
    const quarter = $('quarter').value;
    return { agencyId: $('agency').value, year: Number($('year').value), quarter: quarter ? Number(quarter) : null };
  }

  async function loadAgencies() {
    const wanted = $('agency').value || params.get('agency');
    let agencies = [];
    if (token()) {
      const body = await graphql({ query: '{ agencies(first: 100, order: [{ code: ASC }]) { nodes { id code name } } }' });
      agencies = body.data?.agencies?.nodes ?? [];
    }
    if (wanted && !agencies.some(a => a.id === wanted)) agencies.unshift({ id: wanted, code: '', name: wanted });
    $('agency').replaceChildren(...agencies.map(a => new Option(a.code ? `${a.name} (${a.code})` : a.name, a.id)));
    if (wanted) $('agency').value = wanted;
  }

  // Each load supersedes the ones before it: a slower answer to an earlier choice must not overwrite a later one.
  let loads = 0;

  async function load() {
    const current = ++loads;
    const variables = period();
    if (!variables.agencyId) {
      say('请选择监管部门：输入访问令牌，或在地址中给出 ?agency=<id> (choose an agency: enter a token, or give ?agency=<id>).');
      return;
    }
    let body = await graphql({ query: query(fields), variables });
    if (current !== loads) return;
    if (fields === STAFF && body.data?.complianceStats && body.errors?.some(refused)) {
      fields = PUBLIC;
      body = await graphql({ query: query(fields), variables });
      if (current !== loads) return;
    }
    if (!body.data?.complianceStats) {
      say(body.errors?.[0]?.message ?? '没有统计数据 (no statistics).');
      return;
    }
    say(null);
    render(body.data.complianceStats);
    subscribe(variables);
  }

  function cell(field, value, shown) {
    const td = document.createElement('td');
    td.dataset.field = field;
    if (value != null) td.dataset.value = String(value);
    td.textContent = shown ?? text(value);
    return td;
  }

  function render(stats) {
    // Without a token the agency is known by its id only, until the statistics name it.
    const option = $('agency').selectedOptions[0];
    if (option && option.textContent === option.value) option.textContent = `${stats.agencyName} (${stats.agencyCode})`;

    const rows = stats.categories.map(c => {
      const tr = document.createElement('tr');
      tr.dataset.category = c.category;
      const met = cell('met', c.met, c.met == null ? '—' : c.met ? '✔' : '✘');
      if (c.met != null) met.className = c.met ? 'met' : 'unmet';
      tr.append(
        cell('category', c.category, LABELS[c.category] ?? c.category),
        cell('poolSize', c.poolSize), cell('requiredMinimum', c.requiredMinimum), cell('drawn', c.drawn),
        cell('inspectedFirms', c.inspectedFirms), cell('visits', c.visits),
        cell('ratio', c.ratio, percent(c.ratio)), cell('requiredRatio', c.requiredRatio, percent(c.requiredRatio)), met);
      return tr;
    });
    $('categories').tBodies[0].replaceChildren(...rows);

    $('key-coverage').textContent = percent(stats.keyCoverage);
    $('key-detail').textContent = stats.keyTargets == null
      ? '仅工作人员可见 (staff only)'
      : `${stats.keyTargetsCovered} / ${stats.keyTargets} 家重点源本年度已抽查 (covered this year)`;
    $('uncovered').replaceChildren(...(stats.uncoveredKeyTargets ?? []).map(t => Object.assign(document.createElement('li'), { textContent: `未覆盖 uncovered: ${t.name}` })));

    $('on-time').textContent = text(stats.publicationsOnTime);
    $('late').textContent = text(stats.publicationsLate);
    $('due').textContent = text(stats.publicationsDue);
    $('late-list').replaceChildren(...stats.latePublications.map(p => Object.assign(document.createElement('li'), {
      textContent: `${p.year}Q${p.quarter}: 期限 deadline ${p.deadline}, 公开 published ${p.publishedOn}${p.workingDaysLate == null ? '' : `, 逾期 ${p.workingDaysLate} 个工作日`}`,
    })));
    $('visits').textContent = text(stats.visits);
    $('problems').textContent = text(stats.problemsFound);
    $('problem-rate').textContent = percent(stats.problemFoundRate);

    drawChart(stats.categories);
    const now = new Date();
    $('updated').dateTime = now.toISOString();
    $('updated').textContent = now.toLocaleString('zh-CN');
    document.body.dataset.period = stats.quarter == null ? String(stats.year) : `${stats.year}Q${stats.quarter}`;
    document.body.dataset.renders = String(++renders);
  }

  function drawChart(categories) {
    if (typeof Chart === 'undefined') {
      document.querySelector('.chart').hidden = true;
      return;
    }
    const staff = categories.some(c => c.ratio != null);
    const data = {
      labels: categories.map(c => LABELS[c.category] ?? c.category),
      datasets: staff
        ? [
          { label: '实际比例 achieved %', data: categories.map(c => (c.ratio ?? 0) * 100), backgroundColor: categories.map(c => c.met ? '#3f9142' : '#d64545') },
          { label: '要求比例 required %', data: categories.map(c => (c.requiredRatio ?? 0) * 100), backgroundColor: '#9fb3c8' },
        ]
        : [
          { label: '检查(家) firms', data: categories.map(c => c.inspectedFirms), backgroundColor: '#3f9142' },
          { label: '家次 visits', data: categories.map(c => c.visits), backgroundColor: '#9fb3c8' },
        ],
    };
    // Ratios on a fixed 0–100 % scale, so a refresh never rescales the bars under the reader's eyes.
    const y = staff ? { min: 0, max: 100, ticks: { callback: value => `${value} %` } } : { beginAtZero: true, ticks: { precision: 0 } };
    if (chart) {
      chart.data = data;
      chart.options.scales.y = y;
      chart.update();
      return;
    }
    chart = new Chart($('ratio-chart'), {
      type: 'bar',
      data,
      options: { animation: false, maintainAspectRatio: false, scales: { y } },
    });
  }

  // graphql-transport-ws by hand: init with the token, one subscription, pong to pings; on a close, load again later.
  function subscribe(variables) {
    const key = JSON.stringify([token(), variables, fields]);
    if (socket?.key === key) return;
    socket?.close(1000);
    const ws = new WebSocket(socketUrl, 'graphql-transport-ws');
    ws.key = key;
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init', payload: token() ? { Authorization: `Bearer ${token()}` } : {} }));
    ws.onmessage = event => {
      const message = JSON.parse(event.data);
      if (message.type === 'connection_ack') {
        ws.send(JSON.stringify({ id: 'compliance', type: 'subscribe', payload: { query: subscription(fields), variables } }));
        live('live');
      } else if (message.type === 'ping') {
        ws.send(JSON.stringify({ type: 'pong' }));
      } else if (message.type === 'next' && message.payload.data?.complianceChanged) {
        render(message.payload.data.complianceChanged);
      } else if (message.type === 'error') {
        live('offline', message.payload?.[0]?.message);
      }
    };
    ws.onclose = event => {
      if (socket !== ws) return;
      socket = null;
      live('offline', event.code === 1000 ? '' : `close ${event.code}`);
      setTimeout(() => { if (socket === null) load(); }, 5000);
    };
  }

  function start() {
    const thisYear = new Date().getFullYear();
    const year = Number(params.get('year')) || thisYear;
    const years = [];
    for (let y = Math.max(thisYear, year); y >= Math.min(2020, year); y--) years.push(y);
    $('year').replaceChildren(...years.map(y => new Option(String(y), String(y))));
    $('year').value = String(year);
    $('quarter').value = params.get('quarter') ?? '';
    if (token()) $('token').placeholder = '已保存 (saved for this tab)';

    $('token').addEventListener('change', async () => {
      sessionStorage.setItem('drg-token', $('token').value.trim().replace(/^Bearer\s+/i, ''));
      $('token').value = '';
      fields = STAFF;
      await loadAgencies();
      await load();
    });
    for (const id of ['agency', 'year', 'quarter']) $(id).addEventListener('change', load);
    // Enter in the token field would submit the form and reload the page; the fields act on change instead.
    $('filters').addEventListener('submit', event => event.preventDefault());
    loadAgencies().then(load);
  }

  start();
})();
