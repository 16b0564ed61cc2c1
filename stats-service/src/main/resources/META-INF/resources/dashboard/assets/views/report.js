// 报告: one agency's report for a year — its tables as printed (from the edition definitions) with the cells that
// break a rule highlighted, its versions (who, when, why), the cells a version changed against another, the
// published original of a text import, and approve / reopen for a supervisor of its subtree.
import { paths } from '../config.js';
import * as api from '../api.js';
import * as fmt from '../format.js';
import { h, clear, table, section, guarded } from '../ui.js';
import { tables } from '../form.js';
import { editionDefinitions } from '../metrics.js';
import { RULES } from './quality.js';

const SOURCES = { api: '系统报送', text: '公开文本导入', pdf: 'PDF 导入', html: '网页导入' };

function base(agency, year) {
  return '/api/v1/reports/' + encodeURIComponent(agency) + '/' + year;
}

function link(agency, year, params) {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== null && v !== undefined && v !== '')).toString();
  return paths.root + '/report/' + agency + '/' + year + (search ? '?' + search : '');
}

function lockPanel(latest, who, reload) {
  const approved = latest.status === 'approved';
  const a = latest.approval;
  const reason = h('textarea', { id: 'approval-reason', rows: 2, cols: 50, placeholder: approved ? '重新开放的原因（必填）' : '审核意见（可选）' });
  const message = h('p', { id: 'approval-message', class: 'muted' });
  const mayDecide = who.roles.includes('supervisor') || who.roles.includes('admin');
  const act = async action => {
    message.textContent = '正在提交…';
    try {
      await api.post('reporting', base(latest.agencyCode, latest.year) + '/' + action, { reason: reason.value.trim() || null });
      await reload();
    } catch (e) {
      message.textContent = '未成功：' + e.message;
      message.className = 'error';
    }
  };
  return h('div', { class: 'card', id: 'lock' },
    h('p', {}, '状态：', h('span', { class: 'badge ' + (approved ? 'locked' : 'open'), id: 'lock-state', dataset: { status: latest.status } },
      approved ? '已审核 · 已锁定' : '未锁定 · 可更正'),
      a ? h('span', { class: 'muted', id: 'approval-info' }, '　', a.action === 'approved' ? '审核通过' : '重新开放', '：', a.by, '，', fmt.dateTime(a.at),
        '，第 ', a.version, ' 版', a.reason ? '，理由：' + a.reason : '') : null),
    approved ? h('p', { class: 'muted' }, '锁定期间，报送系统提交的更正将被拒绝，直至重新开放。') : null,
    mayDecide ? h('div', { class: 'toolbar' }, reason,
      approved
        ? h('button', { type: 'button', class: 'danger', id: 'reopen', onclick: () => act('reopen') }, '重新开放')
        : h('button', { type: 'button', class: 'primary', id: 'approve', onclick: () => act('approval') }, '审核通过并锁定')) : null,
    message);
}

function findingsTable(findings) {
  if (!findings.length) return h('p', { class: 'muted', id: 'no-findings' }, '未发现违反表格勾稽关系的问题。');
  return table([
    { key: 'severity', label: '级别', render: f => h('span', { class: 'badge ' + f.severity }, f.severity === 'error' ? '错误' : '提示') },
    { key: 'rule', label: '规则', render: f => f.rule + (RULES[f.rule] ? ' ' + RULES[f.rule] : '') },
    { key: 'cells', label: '涉及单元格', render: f => (f.cells || []).join('，') },
    { key: 'message', label: '说明' },
  ], findings, { id: 'report-findings' });
}

export async function render(ctx) {
  const { app, key: agency, year, query, who, learn } = ctx;
  clear(document.getElementById('crumbs'));
  const load = async () => {
    const [latest, versions, editions] = await Promise.all([
      api.read('reporting', base(agency, year)),
      api.read('reporting', base(agency, year) + '/versions'),
      editionDefinitions(),
    ]);
    const v = Math.min(Math.max(1, Number(query.get('v') || latest.version)), latest.version);
    const fromParam = query.get('from');
    const from = fromParam === 'none' ? null : fromParam ? Number(fromParam) : v > 1 ? v - 1 : null;
    const [version, diff] = await Promise.all([
      api.read('reporting', base(agency, year) + '/versions/' + v),
      from && from !== v ? api.read('reporting', base(agency, year) + '/diff', { from, to: v }) : Promise.resolve([]),
    ]);
    const edition = editions.get(version.edition);
    const findings = new Map();
    (version.findings || []).forEach(f => (f.cells || []).forEach(c => findings.set(c, [...(findings.get(c) || []), f])));
    const changes = new Map(diff.map(d => [d.cell, d]));
    const laid = edition ? tables(edition, version.report, { findings, changes }) : { element: h('p', { class: 'error' }, '未知的表格版本 ' + version.edition), laidOut: new Set() };
    const elsewhere = diff.filter(d => !laid.laidOut.has(d.cell));

    const versionColumns = [
      { key: 'version', label: '版本', num: true, render: x => (x.version === v ? h('strong', {}, '第 ' + x.version + ' 版（当前查看）') : h('a', { href: link(agency, year, { v: x.version }) }, '第 ' + x.version + ' 版')) },
      { key: 'submittedAt', label: '报送时间', render: x => fmt.dateTime(x.submittedAt) },
      { key: 'submittedBy', label: '报送人' },
      { key: 'source', label: '来源', render: x => SOURCES[x.source] || x.source },
      { key: 'correctionReason', label: '更正原因', render: x => x.correctionReason || (x.version === 1 ? '首次报送' : '—') },
      { key: 'findings', label: '问题', num: true, render: x => fmt.count((x.findings || []).length) },
      { key: 'compare', label: '对比', render: x => (x.version === v ? '' : h('a', { href: link(agency, year, { v, from: x.version }), dataset: { compare: x.version } }, '与第 ' + x.version + ' 版对比')) },
    ];
    const diffNote = from && from !== v
      ? h('p', { id: 'diff-note', dataset: { from: String(from), to: String(v), changed: String(diff.length) } },
        '黄色单元格为第 ', from, ' 版到第 ', v, ' 版之间改变的数字（共 ', diff.length, ' 处），删除线为原值。 ',
        h('a', { href: link(agency, year, { v, from: 'none' }) }, '不显示对比'))
      : h('p', { class: 'muted', id: 'diff-note' }, versions.length > 1 ? '选择一个版本与当前版本对比。' : '只有一个版本。');
    const publishedDocument = version.original
      ? h('p', {}, h('button', {
        type: 'button', id: 'original-download', dataset: { sha256: version.original.sha256 },
        onclick: event => api.downloadDocument('reporting', version.original.href, agency + '-' + year + '-v' + v)
          .catch(e => { event.target.after(h('span', { class: 'error' }, ' 下载失败：', e.message)); }),
      }, '下载公开原件（', version.original.mediaType === 'application/pdf' ? 'PDF' : version.original.mediaType, '，',
      Math.max(1, Math.round(version.original.bytes / 1024)), ' KB）'), h('span', { class: 'muted' }, ' SHA-256 ', version.original.sha256))
      : null;
    const original = version.originalText
      ? h('div', { id: 'original' }, h('h2', {}, '公开原文（', SOURCES[version.source] || version.source, '）'), publishedDocument,
        h('p', { class: 'muted' }, '左侧数字由此原文读出。'), h('pre', { class: 'original', id: 'original-text' }, version.originalText))
      : publishedDocument ? h('div', { id: 'original' }, h('h2', {}, '公开原件（', SOURCES[version.source] || version.source, '）'), publishedDocument)
        : null;
    const tablesBlock = h('div', {}, laid.element,
      elsewhere.length ? section('表外的变化', null, table([{ key: 'cell', label: '单元格' }, { key: 'from', label: '原值' }, { key: 'to', label: '新值' }], elsewhere, { id: 'other-changes' })) : null);
    clear(app,
      h('h1', { id: 'title' }, latest.agencyName, ' · ', year, '年度政府信息公开工作年度报告'),
      h('p', { class: 'muted' }, '统一社会信用代码 ', latest.agencyCode, ' · ', edition ? edition.label : version.edition, ' · 共 ', versions.length, ' 个版本',
        ' · ', h('a', { href: paths.root + '/agencies/' + latest.jurisdiction + '?agency=' + latest.agencyCode }, '该单位历年报告')),
      lockPanel(latest, who, async () => { await load(); }),
      section('版本', null, table(versionColumns, versions, { id: 'versions', rowData: x => ({ version: String(x.version) }) })),
      diffNote,
      original ? h('div', { class: 'columns2' }, tablesBlock, original) : tablesBlock,
      section('问题（第 ' + v + ' 版）', null, findingsTable(version.findings || [])));
    document.body.dataset.state = 'ready';
    return latest;
  };
  await guarded(app, '单位 ' + agency + ' ' + year + ' 年度的报告', load);
}
