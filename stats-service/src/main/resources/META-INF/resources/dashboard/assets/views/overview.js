// 概览: the KPI tiles of a node and year with the change since last year, new applications by child (bar), the
// trend by year since 2019 (line), the subtree by applications (treemap); a click on a bar, a tile of the treemap or
// a row drills down (the URL changes). Re-reads every refresh interval with If-None-Match and shows asOfSeq.
import { config, paths, FIRST_YEAR } from '../config.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import * as codes from '../codes.js';
import { h, clear, table, exports, section, guarded } from '../ui.js';
import { chart, draw, dispose, loaded } from '../charts.js';
import { metricLabels } from '../metrics.js';

const STATS = '/api/v1/stats/';

/** The queries of the overview; each answer is kept with its ETag, so a refresh is a round of 304s. */
function queries(node, year) {
  const span = { jurisdiction: node, from: year - 1, to: year, groupBy: 'year' };
  const since = { jurisdiction: node, from: Math.min(FIRST_YEAR, year), to: year, groupBy: 'year' };
  const leaf = codes.level(node) === 'county';
  return {
    completeness: ['completeness', span],
    applications: ['applications', since],
    outcomes: ['outcomes', since],
    reviews: ['reviews', span],
    fees: ['fees', span],
    children: ['applications', { jurisdiction: node, year, groupBy: leaf ? 'agency' : 'child' }],
  };
}

/**
 * Every answer of the overview at once, the treemap's second level among them: one groupBy=grandchild answer for the
 * whole subtree (rows under each child, with parent = the child), asked beside the others.
 */
async function fetchAll(named, learn, node, year) {
  const leaf = codes.level(node) === 'county';
  const asked = Object.entries(named).map(([name, [path, params]]) =>
    api.get('stats', STATS + path, params).then(answer => { learn(answer.body); return [name, answer]; }));
  const below = leaf ? Promise.resolve(null) : grandchildren(node, year, learn);
  const [entries, second] = await Promise.all([Promise.all(asked), below]);
  const answers = Object.fromEntries(entries.map(([n, a]) => [n, a.body]));
  const rows = (answers.children && answers.children.rows) || [];
  // for each child with a subtree, its own rows (children, or agencies for a county); null where refused or none
  answers.grandchildren = rows.map(r => (second && r.key !== node ? second.body.rows.filter(g => g.parent === r.key) : null));
  return { answers, changed: entries.some(([, a]) => a.changed) || Boolean(second && second.changed) };
}

/** The subtree two levels down in one answer, or null where it is refused (the treemap then shows one level). */
async function grandchildren(node, year, learn) {
  try {
    const answer = await api.get('stats', STATS + 'applications', { jurisdiction: node, year, groupBy: 'grandchild' });
    learn(answer.body);
    return answer;
  } catch (e) {
    return null;
  }
}

function yearRow(answer, year) {
  return (answer.rows || []).find(r => r.key === String(year)) || null;
}

/** The tiles: [key, label, query, metric, kind]; kind decides the format and how a change is told. */
const TILES = [
  ['expected', '应报单位', 'completeness', 'expected', 'count'],
  ['reported', '已报送', 'completeness', 'reported', 'count'],
  ['onTime', '按时报送', 'completeness', 'onTime', 'count'],
  ['late', '逾期报送', 'completeness', 'late', 'count'],
  ['missing', '未报送', 'completeness', 'missing', 'count'],
  ['reportingRate', '报送率', 'completeness', 'reportingRate', 'rate'],
  ['newReceived', '本年新收申请', 'applications', 'newReceived', 'count'],
  ['disclosureRate', '公开率', 'outcomes', 'disclosureRate', 'rate'],
  ['reconsiderationCorrectionRate', '行政复议纠错率', 'reviews', 'reconsiderationCorrectionRate', 'rate'],
  ['litigationLossRate', '行政诉讼败诉率', 'reviews', 'litigationLossRate', 'rate'],
  ['administrativeFees', '行政事业性收费（万元）', 'fees', 'administrativeFees.amountWan', 'amount'],
  ['processingFees', '信息处理费（元）', 'fees', 'processingFees.amountYuan', 'amount'],
];

function tiles(answers, year) {
  return TILES.map(([key, label, query, metric, kind]) => {
    const now = yearRow(answers[query], year);
    const before = yearRow(answers[query], year - 1);
    const value = now ? now[metric] : null;
    const previous = before ? before[metric] : null;
    const change = kind === 'rate' ? fmt.rateChange(value, previous) : fmt.countChange(value, previous);
    const shown = kind === 'rate' ? fmt.rate(value) : kind === 'amount' ? fmt.large(value) : fmt.count(value);
    return h('div', { class: 'kpi', dataset: { kpi: key, value: value === null || value === undefined ? '' : String(value) } },
      h('div', { class: 'label' }, label),
      h('div', { class: 'value' }, shown),
      h('div', { class: 'change' + (change ? (change.direction > 0 ? ' up' : change.direction < 0 ? ' down' : '') : '') },
        change ? '较上年 ' + change.text : '较上年 —'));
  });
}

function drillTarget(node, row, year, leaf) {
  if (leaf) return paths.root + '/report/' + row.key + '/' + year;
  return row.key === node ? null : paths.root + '/overview/' + row.key + '/' + year;
}

export async function render(ctx) {
  const { app, key: node, year, learn, nameOf, crumbs, who, navigate } = ctx;
  const leaf = codes.level(node) === 'county';
  const bar = h('div', { class: 'chart', id: 'chart-children' });
  const trend = h('div', { class: 'chart', id: 'chart-trend' });
  const treemap = h('div', { class: 'chart wide', id: 'chart-treemap' });
  const kpis = h('div', { class: 'kpis', id: 'kpis' });
  const title = h('h1', { id: 'title' }, '概览');
  const tableArea = h('div', { id: 'children-table' });
  const yearSelect = h('select', { id: 'year', onchange: e => navigate(paths.root + '/overview/' + node + '/' + e.target.value) },
    Array.from({ length: new Date().getFullYear() - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i).reverse()
      .map(y => h('option', { value: y, selected: y === year }, y + '年度')));
  clear(app, title, h('div', { class: 'toolbar' }, h('label', {}, '年度 ', yearSelect)), kpis,
    h('div', { class: 'charts' }, bar, trend, treemap), tableArea);
  const footer = document.getElementById('freshness');
  const named = queries(node, year);
  let timer = null;
  let stopped = false;
  let currentRows = [];

  const drawAll = async (answers, labels) => {
    const name = answers.applications.jurisdictionName || nameOf(node);
    clear(title, name, ' · ', year, '年度概览');
    clear(kpis, tiles(answers, year));
    const rows = answers.children.rows || [];
    currentRows = rows;
    const childTitle = leaf ? '各单位新收申请' : '下级地区新收申请（含本级）';
    const subtree = subtreeData(node, year, rows, leaf, answers.grandchildren);
    await loaded;
    performance.mark('ogi:echarts-ready');
    await Promise.all([
      draw(chart(bar), {
        title: { text: childTitle, left: 10, top: 8, textStyle: { fontSize: 14 } },
        grid: { left: 50, right: 20, top: 64, bottom: 70 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: rows.map(r => r.name), axisLabel: { rotate: rows.length > 6 ? 30 : 0, interval: 0 } },
        yAxis: { type: 'value', name: '件' },
        series: [{ type: 'bar', name: '新收申请', data: rows.map(r => Number(r.newReceived) || 0), itemStyle: { color: '#b42318' } }],
      }),
      draw(chart(trend), {
        title: { text: '历年新收申请与公开率（' + Math.min(FIRST_YEAR, year) + '年起）', left: 10, top: 8, textStyle: { fontSize: 14 } },
        grid: { left: 50, right: 55, top: 72, bottom: 40 },
        tooltip: { trigger: 'axis' },
        legend: { top: 30 },
        xAxis: { type: 'category', data: answers.applications.rows.map(r => r.key) },
        yAxis: [{ type: 'value', name: '件' }, { type: 'value', name: '公开率', min: 0, max: 1, axisLabel: { formatter: v => Math.round(v * 100) + '%' } }],
        series: [
          { type: 'line', name: '新收申请', data: answers.applications.rows.map(r => Number(r.newReceived) || 0) },
          { type: 'line', name: '公开率', yAxisIndex: 1, data: answers.outcomes.rows.map(r => (r.disclosureRate === null ? null : Number(r.disclosureRate))) },
        ],
      }),
      draw(chart(treemap), {
        title: { text: leaf ? '各单位新收申请' : '辖区结构（按新收申请）', left: 10, top: 8, textStyle: { fontSize: 14 } },
        tooltip: { formatter: p => p.name + '：' + fmt.count(p.value) + ' 件' },
        series: [{
          type: 'treemap', top: 40, bottom: 30, left: 10, right: 10, roam: false, nodeClick: false,
          breadcrumb: { show: false }, leafDepth: leaf ? 1 : 2,
          levels: [
            { itemStyle: { borderWidth: 0, gapWidth: 4 } },
            { itemStyle: { borderColor: '#64748b', borderWidth: 2, gapWidth: 1 }, upperLabel: { show: !leaf, height: 22, color: '#fff' } },
            { colorSaturation: [0.35, 0.55], itemStyle: { borderWidth: 1, gapWidth: 1, borderColorSaturation: 0.65 } },
          ],
          data: subtree,
        }],
      }),
    ]);
    performance.mark('ogi:charts-drawn');
    const total = { key: '', name: '合计', ...answers.children.total };
    const columns = [
      { key: 'key', label: leaf ? '统一社会信用代码' : '行政区划代码' },
      { key: 'name', label: leaf ? '单位名称' : '地区', render: r => { const to = r !== total && drillTarget(node, r, year, leaf); return to ? h('a', { href: to, dataset: { drill: r.key } }, r.name) : r.name; } },
      ...['newReceived', 'carriedOver', 'totalProcessed', 'carriedForward'].map(k => ({ key: k, label: labels.get(k) || k, num: true, render: r => fmt.count(r[k]), raw: r => r[k] })),
    ];
    clear(tableArea, section(leaf ? '各单位申请情况' : '下级地区申请情况',
      exports('stats', STATS + 'applications', named.children[1]),
      table(columns, [...rows, total], { id: 'children', rowClass: r => (r === total ? 'total' : null), rowData: r => ({ key: r === total ? 'total' : r.key }) })));
  };

  const freshness = () => api.read('stats', STATS + 'freshness').catch(() => null);
  const showFreshness = async (answers, asked) => {
    const f = await asked;
    const seq = answers.applications.asOfSeq;
    footer.dataset.asOfSeq = String(seq);
    clear(footer, '数据截至变更序号 ', h('strong', { id: 'as-of-seq' }, String(seq)),
      f ? [' · 统计服务落后报告服务 ', String(f.lag), ' 个变更'] : '',
      ' · 最近检查 ', h('span', { id: 'checked-at' }, fmt.time(new Date())), '，每 ', String(config.refreshSeconds), ' 秒自动刷新');
  };

  const first = await guarded(app, nameOf(node) + ' 的统计', async () => {
    const lag = freshness();
    const [{ answers }, labels] = await Promise.all([fetchAll(named, learn, node, year), metricLabels()]);
    performance.mark('ogi:answers');
    crumbs('overview', node, year, who);
    await drawAll(answers, labels);
    await showFreshness(answers, lag);
    document.body.dataset.state = 'ready';
    document.body.dataset.drawnAt = performance.now().toFixed(1);
    return labels;
  });
  if (!first) return () => {};

  const refresh = async () => {
    if (stopped) return;
    try {
      const lag = freshness();
      const { answers, changed } = await fetchAll(named, learn, node, year);
      if (changed && !stopped) await drawAll(answers, first);
      await showFreshness(answers, lag);
      document.body.dataset.refreshed = String(Number(document.body.dataset.refreshed || 0) + 1);
    } catch (e) {
      clear(footer, h('span', { class: 'error' }, '自动刷新失败：', e.message, '（稍后重试）'));
    }
    if (!stopped) timer = setTimeout(refresh, config.refreshSeconds * 1000);
  };
  timer = setTimeout(refresh, config.refreshSeconds * 1000);
  const chartClick = (element, handler) => chart(element).on('click', handler);
  chartClick(bar, p => { const r = currentRows[p.dataIndex]; const to = r && drillTarget(node, r, year, leaf); if (to) navigate(to); });
  chartClick(treemap, p => { const to = p.data && p.data.target; if (to) navigate(to); });
  return () => { stopped = true; clearTimeout(timer); dispose([bar, trend, treemap]); clear(footer); };
}

/** The treemap's data: the children, and under each child that has a subtree, its own children (or agencies). */
function subtreeData(node, year, rows, leaf, below) {
  const tile = (r, target) => ({ name: r.name, value: Number(r.newReceived) || 0, target });
  const items = [];
  rows.forEach((r, i) => {
    if (r.key === node) return;
    const item = tile(r, leaf ? paths.root + '/report/' + r.key + '/' + year : paths.root + '/overview/' + r.key + '/' + year);
    const second = below && below[i];
    if (second && second.length) {
      item.children = second.filter(g => Number(g.newReceived) > 0).map(g => tile(g,
        codes.level(r.key) === 'county' || g.key.length !== 6 ? paths.root + '/report/' + g.key + '/' + year
          : paths.root + '/overview/' + g.key + '/' + year));
    }
    items.push(item);
  });
  rows.filter(r => r.key === node).forEach(r => items.push(tile(r, null)));
  return items.filter(i => i.value > 0 || (i.children && i.children.length));
}
