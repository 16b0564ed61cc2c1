// 催报: the agencies of the node that have not reported for the year, and those that reported late, with kind,
// deadline, days overdue and the dates; filtered by child and kind (in the URL), exported through /completeness.
import { paths, FIRST_YEAR } from '../config.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import * as codes from '../codes.js';
import { h, clear, table, exports, section, guarded } from '../ui.js';

const PATH = '/api/v1/stats/completeness';
// The lists of /completeness come a page at a time (missingTotal, lateTotal say how many): the chase list asks for
// the largest page, and says so when a node has more (its children's lists are then shorter).
const SIZE = 500;

export function items(answer) {
  const today = fmt.today();
  const missing = (answer.missing || []).map(m => ({
    ...m, status: 'missing', statusLabel: '未报送',
    daysLate: m.deadline && m.deadline < today ? fmt.daysBetween(m.deadline, today) : 0,
  }));
  const late = (answer.late || []).map(l => ({
    ...l, status: 'late', statusLabel: '逾期报送',
    daysLate: l.deadline && l.filedOn ? fmt.daysBetween(l.deadline, l.filedOn) : null,
  }));
  return [...missing, ...late];
}

export async function render(ctx) {
  const { app, key: node, year, query, learn, nameOf, crumbs, resolveNames, who, navigate } = ctx;
  const child = query.get('child') || '';
  const kind = query.get('kind') || '';
  const go = changes => {
    const next = new URLSearchParams({ child, kind, ...changes });
    [...next.keys()].forEach(k => { if (!next.get(k)) next.delete(k); });
    const search = next.toString();
    navigate(paths.root + '/chase/' + node + '/' + year + (search ? '?' + search : ''));
  };
  await guarded(app, nameOf(node) + ' 的报送情况', async () => {
    const answer = learn(await api.read('stats', PATH, { jurisdiction: node, year, size: SIZE, groupBy: codes.level(node) === 'county' ? undefined : 'child' }));
    const partial = (answer.missingTotal || 0) > (answer.missing || []).length || (answer.lateTotal || 0) > (answer.late || []).length;
    crumbs('chase', node, year, who);
    await resolveNames([...(answer.missing || []), ...(answer.late || [])].map(i => i.jurisdiction), year);
    const rows = answer.rows || [];
    const all = items(answer);
    const shown = all.filter(i => (!child || (child === node ? i.jurisdiction === node : codes.within(i.jurisdiction, child)))
      && (!kind || i.kind === kind));
    const childName = code => (rows.find(r => r.key === code) || {}).name || nameOf(code);
    const select = (id, value, options, onchange) => h('select', { id, onchange: e => onchange(e.target.value) },
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
    const columns = [
      { key: 'status', label: '状态', render: i => h('span', { class: 'badge ' + (i.status === 'missing' ? 'error' : 'warning') }, i.statusLabel) },
      { key: 'code', label: '统一社会信用代码' },
      { key: 'name', label: '单位名称', render: i => (i.status === 'late' ? h('a', { href: paths.root + '/report/' + i.code + '/' + year }, i.name) : i.name) },
      { key: 'kind', label: '单位类型', render: i => codes.KINDS[i.kind] || i.kind || '—' },
      { key: 'jurisdiction', label: '所在地区', render: i => nameOf(i.jurisdiction) },
      { key: 'deadline', label: '截止日期', render: i => fmt.date(i.deadline) },
      { key: 'daysLate', label: '逾期天数', num: true, render: i => (i.daysLate === null ? '—' : fmt.count(i.daysLate)) },
      { key: 'publishedOn', label: '报告落款日期', render: i => fmt.date(i.publishedOn) },
      { key: 'firstSubmittedAt', label: '首次报送时间', render: i => fmt.dateTime(i.firstSubmittedAt) },
    ];
    const t = answer.total;
    clear(app,
      h('h1', { id: 'title' }, answer.jurisdictionName, ' · ', year, '年度催报清单'),
      h('p', { class: 'muted', id: 'chase-summary' }, '应报 ', fmt.count(t.expected), ' 家，已报 ', fmt.count(t.reported), ' 家，未报 ',
        fmt.count(t.missing), ' 家，逾期 ', fmt.count(t.late), ' 家；报送率 ', fmt.rate(t.reportingRate), '。'),
      h('div', { class: 'toolbar' },
        h('label', {}, '年度 ', select('year', String(year), Array.from({ length: new Date().getFullYear() - FIRST_YEAR + 1 }, (_, i) => String(FIRST_YEAR + i)).reverse().map(y => [y, y + '年度']),
          v => navigate(paths.root + '/chase/' + node + '/' + v))),
        rows.length ? h('label', {}, '下级地区 ', select('filter-child', child, [['', '全部'], ...rows.map(r => [r.key, r.name])], v => go({ child: v }))) : null,
        h('label', {}, '单位类型 ', select('filter-kind', kind, [['', '全部'], ['government', '人民政府'], ['department', '部门']], v => go({ kind: v })))),
      section('未报及逾期单位（' + shown.length + ' 家' + (child ? '，' + childName(child) : '') + '）',
        exports('stats', PATH, { jurisdiction: child && child !== node ? child : node, year, size: SIZE }, '导出（Excel 含未报、逾期清单）'),
        partial ? h('p', { class: 'muted', id: 'chase-partial' }, '清单较长，仅列出前 ', fmt.count(SIZE), ' 家未报和前 ', fmt.count(SIZE),
          ' 家逾期单位（共未报 ', fmt.count(answer.missingTotal), ' 家、逾期 ', fmt.count(answer.lateTotal), ' 家）；请进入下级地区查看其余单位。') : null,
        shown.length ? table(columns, shown, { id: 'chase', rowData: i => ({ code: i.code, status: i.status }) })
          : h('p', { class: 'muted', id: 'chase-empty' }, '没有未报或逾期的单位。')));
    if (rows.length) {
      const summary = [
        { key: 'name', label: '地区', render: r => (r.key === node ? r.name : h('a', { href: paths.root + '/chase/' + r.key + '/' + year }, r.name)) },
        ...[['expected', '应报'], ['reported', '已报'], ['missing', '未报'], ['late', '逾期']].map(([k, l]) => ({ key: k, label: l, num: true, render: r => fmt.count(r[k]) })),
        { key: 'reportingRate', label: '报送率', num: true, render: r => fmt.rate(r.reportingRate) },
      ];
      app.append(section('按地区', exports('stats', PATH, { jurisdiction: node, year, groupBy: 'child' }), table(summary, rows, { id: 'chase-by-child' })));
    }
    document.body.dataset.state = 'ready';
  });
}
