// 数据质量: how many reports of the node and year break each rule of the form (勾稽关系), by child, and the findings
// themselves (agency, rule, cells, message) a page at a time; a click opens the report.
import { paths, FIRST_YEAR } from '../config.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import * as codes from '../codes.js';
import { h, clear, table, exports, section, guarded } from '../ui.js';
import { chart, draw, dispose, loaded } from '../charts.js';

const PATH = '/api/v1/stats/quality';
const SIZE = 50;
const FIXED = ['reports', 'reportsWithFindings'];

/** What each rule checks, in the words of the form (the rules themselves are report-form's definitions). */
export const RULES = {
  'APP-BALANCE': '申请收支平衡：新收＋上年结转＝办理总计＋结转下年',
  'APP-TOTAL-ROW': '办理结果各项之和＝办理结果总计',
  'APP-TOTAL-COL': '各类申请人之和＝总计',
  'REV-TOTAL': '复议、诉讼各结果之和＝总计',
  'NON-NEGATIVE': '数量、金额不得为负',
  'CARRY-CHAIN': '本年“上年结转”＝上年报告“结转下年度继续办理”',
  'IN-FORCE-CHAIN': '现行有效件数与上年衔接',
};

export function ruleName(code) {
  return RULES[code] ? code + ' ' + RULES[code] : code;
}

export async function render(ctx) {
  const { app, key: node, year, query, learn, nameOf, crumbs, resolveNames, who, navigate } = ctx;
  const rule = query.get('rule') || '';
  const page = Math.max(0, Number(query.get('page') || 0));
  const go = (changes) => {
    const next = new URLSearchParams({ rule, page: String(page), ...changes });
    if (!next.get('rule')) next.delete('rule');
    if (next.get('page') === '0') next.delete('page');
    const search = next.toString();
    navigate(paths.root + '/quality/' + node + '/' + year + (search ? '?' + search : ''));
  };
  const barElement = h('div', { class: 'chart wide', id: 'chart-rules' });
  await guarded(app, nameOf(node) + ' 的数据质量', async () => {
    const params = { jurisdiction: node, year, groupBy: codes.level(node) === 'county' ? 'agency' : 'child', rule, page, size: SIZE };
    const answer = learn(await api.read('stats', PATH, params));
    crumbs('quality', node, year, who);
    await resolveNames((answer.findings || []).map(f => f.jurisdiction), year);
    const t = answer.total;
    const ruleCodes = Object.keys(t).filter(k => !FIXED.includes(k));
    const findingColumns = [
      { key: 'agencyName', label: '单位', render: f => h('a', { href: paths.root + '/report/' + f.agencyCode + '/' + f.year + '?v=' + f.version, dataset: { agency: f.agencyCode } }, f.agencyName || f.agencyCode) },
      { key: 'jurisdiction', label: '地区', render: f => nameOf(f.jurisdiction) },
      { key: 'version', label: '版本', num: true },
      { key: 'rule', label: '规则', render: f => h('span', { title: RULES[f.rule] || '' }, f.rule) },
      { key: 'severity', label: '级别', render: f => h('span', { class: 'badge ' + f.severity }, f.severity === 'error' ? '错误' : '提示') },
      { key: 'cells', label: '涉及单元格', render: f => (f.cells || []).join('，') },
      { key: 'message', label: '说明' },
    ];
    const byChild = [
      { key: 'name', label: codes.level(node) === 'county' ? '单位' : '地区', render: r => (r.key.length === 6 && r.key !== node ? h('a', { href: paths.root + '/quality/' + r.key + '/' + year }, r.name) : r.name) },
      { key: 'reports', label: '报告数', num: true, render: r => fmt.count(r.reports) },
      { key: 'reportsWithFindings', label: '有问题的报告', num: true, render: r => fmt.count(r.reportsWithFindings) },
      ...ruleCodes.map(c => ({ key: c, label: c, num: true, render: r => fmt.count(r[c]) })),
    ];
    const pages = Math.max(1, Math.ceil((answer.findingsTotal || 0) / SIZE));
    clear(app,
      h('h1', { id: 'title' }, answer.jurisdictionName, ' · ', year, '年度数据质量'),
      h('p', { class: 'muted', id: 'quality-summary' }, '报告 ', fmt.count(t.reports), ' 份，其中 ', fmt.count(t.reportsWithFindings), ' 份存在问题（',
        fmt.rate(t.reports ? t.reportsWithFindings / t.reports : null), '）。'),
      h('div', { class: 'toolbar' },
        h('label', {}, '年度 ', h('select', { id: 'year', onchange: e => navigate(paths.root + '/quality/' + node + '/' + e.target.value) },
          Array.from({ length: new Date().getFullYear() - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i).reverse().map(y => h('option', { value: y, selected: y === year }, y + '年度')))),
        h('label', {}, '规则 ', h('select', { id: 'filter-rule', onchange: e => go({ rule: e.target.value, page: '0' }) },
          h('option', { value: '' }, '全部规则'), ruleCodes.map(c => h('option', { value: c, selected: c === rule }, ruleName(c)))))),
      barElement,
      section('按' + (codes.level(node) === 'county' ? '单位' : '地区'), exports('stats', PATH, { jurisdiction: node, year, groupBy: params.groupBy }),
        table(byChild, answer.rows || [], { id: 'quality-by-child' })),
      section('问题清单（共 ' + fmt.count(answer.findingsTotal) + ' 条' + (rule ? '，' + rule : '') + '）', exports('stats', PATH, { jurisdiction: node, year, rule }, '导出（Excel 含问题清单）'),
        table(findingColumns, answer.findings || [], { id: 'findings', rowData: f => ({ agency: f.agencyCode, rule: f.rule }) }),
        h('div', { class: 'pager' },
          h('button', { type: 'button', disabled: page === 0, onclick: () => go({ page: String(page - 1) }) }, '上一页'),
          h('span', {}, '第 ', page + 1, ' / ', pages, ' 页'),
          h('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => go({ page: String(page + 1) }) }, '下一页'))));
    await loaded;
    await draw(chart(barElement), {
      title: { text: '各规则涉及的报告数', left: 10, top: 8, textStyle: { fontSize: 14 } },
      grid: { left: 50, right: 20, top: 64, bottom: 40 },
      tooltip: { trigger: 'axis', formatter: p => ruleName(p[0].name) + '：' + fmt.count(p[0].value) + ' 份' },
      xAxis: { type: 'category', data: ruleCodes },
      yAxis: { type: 'value', name: '份' },
      series: [{ type: 'bar', data: ruleCodes.map(c => Number(t[c]) || 0), itemStyle: { color: '#b45309' } }],
    });
    chart(barElement).on('click', p => go({ rule: p.name, page: '0' }));
    document.body.dataset.state = 'ready';
  });
  return () => dispose([barElement]);
}
