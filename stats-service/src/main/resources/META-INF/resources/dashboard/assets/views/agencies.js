// 单位名录: the agencies of the node (registry of reporting-service), searched by name or 统一社会信用代码, and an
// agency's reports year by year with their state.
import { paths } from '../config.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import * as codes from '../codes.js';
import { h, clear, table, section, guarded } from '../ui.js';

const SIZE = 50;

export async function render(ctx) {
  const { app, key: node, query, nameOf, crumbs, resolveNames, who, navigate } = ctx;
  const q = query.get('q') || '';
  const agency = query.get('agency') || '';
  const page = Math.max(0, Number(query.get('page') || 0));
  const go = params => {
    const next = new URLSearchParams(Object.entries({ q, agency, page: String(page), ...params }).filter(([, v]) => v && v !== '0'));
    navigate(paths.root + '/agencies/' + node + (next.toString() ? '?' + next : ''));
  };
  await guarded(app, nameOf(node) + ' 的单位名录', async () => {
    const [list, reports] = await Promise.all([
      api.read('reporting', '/api/v1/agencies', { jurisdiction: node, q, page, size: SIZE }),
      agency ? api.read('reporting', '/api/v1/reports', { jurisdiction: node, agencyCode: agency, size: 100 }) : Promise.resolve(null),
    ]);
    const lastYear = new Date().getFullYear() - 1;
    await Promise.all([crumbs('agencies', node, lastYear, who), resolveNames([node, ...list.items.map(a => a.jurisdiction)], lastYear)]);
    const search = h('input', { id: 'agency-search', type: 'search', value: q, placeholder: '单位名称或统一社会信用代码', size: 30 });
    const form = h('form', { class: 'toolbar', onsubmit: e => { e.preventDefault(); go({ q: search.value.trim(), page: '0', agency: '' }); } },
      search, h('button', { type: 'submit', class: 'primary', id: 'agency-search-submit' }, '查询'));
    const columns = [
      { key: 'code', label: '统一社会信用代码' },
      { key: 'name', label: '单位名称', render: a => h('a', { href: paths.root + '/agencies/' + node + '?' + new URLSearchParams({ ...(q ? { q } : {}), agency: a.code }), dataset: { agency: a.code } }, a.name) },
      { key: 'kind', label: '类型', render: a => codes.KINDS[a.kind] || a.kind },
      { key: 'jurisdiction', label: '所在地区', render: a => nameOf(a.jurisdiction) },
      { key: 'reportsFrom', label: '起报年度', render: a => a.reportsFrom || '—' },
      { key: 'reportsUntil', label: '止报年度', render: a => a.reportsUntil || '—' },
    ];
    const pages = Math.max(1, Math.ceil(list.total / SIZE));
    const detail = reports ? section('历年报告：' + ((list.items.find(a => a.code === agency) || {}).name || agency), null,
      reports.items.length ? table([
        { key: 'year', label: '年度', render: r => h('a', { href: paths.root + '/report/' + r.agencyCode + '/' + r.year }, r.year + '年度') },
        { key: 'status', label: '状态', render: r => h('span', { class: 'badge ' + (r.status === 'approved' ? 'locked' : 'open') }, r.status === 'approved' ? '已锁定' : '未锁定') },
        { key: 'version', label: '版本', num: true },
        { key: 'errorCount', label: '错误', num: true },
        { key: 'warningCount', label: '提示', num: true },
        { key: 'firstSubmittedAt', label: '首次报送', render: r => fmt.dateTime(r.firstSubmittedAt) },
        { key: 'updatedAt', label: '最近更新', render: r => fmt.dateTime(r.updatedAt) },
      ], reports.items, { id: 'agency-reports', rowData: r => ({ year: String(r.year) }) }) : h('p', { class: 'muted' }, '尚未收到该单位的报告。')) : null;
    clear(app,
      h('h1', { id: 'title' }, nameOf(node), ' · 单位名录'),
      form,
      detail,
      section('单位（共 ' + fmt.count(list.total) + ' 家' + (q ? '，匹配“' + q + '”' : '') + '）', null,
        table(columns, list.items, { id: 'agencies', rowData: a => ({ code: a.code }) }),
        h('div', { class: 'pager' },
          h('button', { type: 'button', disabled: page === 0, onclick: () => go({ page: String(page - 1) }) }, '上一页'),
          h('span', {}, '第 ', page + 1, ' / ', pages, ' 页'),
          h('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => go({ page: String(page + 1) }) }, '下一页'))));
    document.body.dataset.state = 'ready';
  });
}
