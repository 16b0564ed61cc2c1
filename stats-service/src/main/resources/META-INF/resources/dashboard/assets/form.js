// A report's three tables laid out as the State Council form prints them, from the edition definitions
// (/api/v1/editions): table 1 (主动公开) as sub-tables of rows sharing their columns, table 2 (申请) with the
// applicant columns under their printed group header, table 3 (复议、诉讼) printed as one row under its grouped
// headers, then the other figures. Each value cell carries data-cell (its canonical key) for highlighting.
import { h } from './ui.js';
import * as fmt from './format.js';

const NUMERALS = ['二', '三', '四', '五', '六', '七', '八'];
const SEPARATOR = ' · ';
/** Sections the form prints across (one row of groups), not down. */
const ACROSS = new Set(['reviews']);

export function value(report, key) {
  let node = report;
  for (const part of key.split('.')) {
    if (node === null || node === undefined || typeof node !== 'object' || !(part in node)) return undefined;
    node = node[part];
  }
  return node;
}

function shown(v, type) {
  if (v === undefined) return '';
  if (v === null) return '';
  return type === 'amount' ? fmt.decimal(v) : fmt.count(v);
}

/**
 * marks: {findings: Map cell → [finding], changes: Map cell → {from, to}}; a cell with findings is outlined and
 * titled with the rules' messages, a changed cell shows the old value struck through.
 */
function cell(report, key, type, marks) {
  const v = value(report, key);
  const findings = marks.findings.get(key) || [];
  const change = marks.changes.get(key);
  const classes = ['num'];
  if (findings.length) classes.push('finding');
  if (change) classes.push('changed');
  const title = [...findings.map(f => f.rule + '：' + f.message), change ? '由 ' + shown(change.from, type) + ' 改为 ' + shown(change.to, type) : null]
    .filter(Boolean).join('\n');
  return h('td', { class: classes.join(' '), title: title || null, dataset: { cell: key, value: v === undefined || v === null ? '' : String(v) } },
    change ? h('span', { class: 'was' }, shown(change.from, type) || '空') : null, shown(v, type));
}

function cellsOf(section, row) {
  const base = section.key + '.' + row.key;
  return row.columns ? row.columns.map(c => ({ key: base + '.' + c.key, type: c.type, label: c.label })) : [{ key: base, type: row.type, label: row.label }];
}

/** Column headers in two levels: "法人或其他组织 · 商业企业" opens a group the following columns join, up to the total. */
function groupedHeader(columns) {
  const groups = [];
  columns.forEach(c => {
    const [top, sub] = c.label.includes(SEPARATOR) ? c.label.split(SEPARATOR) : [null, c.label];
    const last = groups[groups.length - 1];
    if (top) groups.push({ top, columns: [{ ...c, label: sub }] });
    else if (last && last.top && c.key !== 'total') last.columns.push(c);
    else groups.push({ top: null, columns: [c] });
  });
  if (!groups.some(g => g.top)) return [h('tr', {}, h('th', {}, '项目'), columns.map(c => h('th', { class: 'num' }, c.label)))];
  return [
    h('tr', {}, h('th', { rowspan: 2 }, '项目'), groups.map(g => (g.top
      ? h('th', { colspan: g.columns.length }, g.top)
      : h('th', { rowspan: 2, class: 'num' }, g.columns[0].label)))),
    h('tr', {}, groups.filter(g => g.top).flatMap(g => g.columns.map(c => h('th', { class: 'num' }, c.label)))),
  ];
}

function rowsTable(report, section, rows, marks) {
  const columns = rows[0].columns || [{ key: '', label: '数量', type: rows[0].type }];
  return h('table', { class: 'data form-table', dataset: { section: section.key } },
    h('thead', {}, groupedHeader(columns)),
    h('tbody', {}, rows.map(row => h('tr', { dataset: { row: row.key } },
      h('td', { class: 'label' }, row.label),
      cellsOf(section, row).map(c => cell(report, c.key, c.type, marks))))));
}

function acrossTable(report, section, marks) {
  const tops = [];
  section.rows.forEach(row => {
    const [top, sub] = row.label.includes(SEPARATOR) ? row.label.split(SEPARATOR) : [row.label, null];
    const span = (row.columns || [1]).length;
    const last = tops[tops.length - 1];
    if (last && last.top === top && sub) { last.span += span; last.subs.push({ sub, span }); } else tops.push({ top, span, subs: sub ? [{ sub, span }] : [] });
  });
  return h('table', { class: 'data form-table', dataset: { section: section.key } },
    h('thead', {},
      h('tr', {}, tops.map(t => h('th', { colspan: t.span, rowspan: t.subs.length ? 1 : 2 }, t.top))),
      h('tr', {}, tops.flatMap(t => t.subs.map(s => h('th', { colspan: s.span }, s.sub)))),
      h('tr', {}, section.rows.flatMap(row => (row.columns || []).map(c => h('th', { class: 'num' }, c.label))))),
    h('tbody', {}, h('tr', {}, section.rows.flatMap(row => cellsOf(section, row).map(c => cell(report, c.key, c.type, marks))))));
}

/** Runs of rows that print under one header: the same columns. */
function runs(rows) {
  const out = [];
  rows.forEach(row => {
    const signature = row.columns ? row.columns.map(c => c.key + ':' + c.label).join('|') : 'leaf';
    const last = out[out.length - 1];
    if (last && last.signature === signature) last.rows.push(row); else out.push({ signature, rows: [row] });
  });
  return out;
}

/** The report's tables; marks as for {@link cell}. Returns the keys laid out, so that the caller can list the rest. */
export function tables(edition, report, marks) {
  const laidOut = new Set();
  const blocks = edition.sections.map((section, i) => {
    section.rows.forEach(row => cellsOf(section, row).forEach(c => laidOut.add(c.key)));
    const body = ACROSS.has(section.key) ? [acrossTable(report, section, marks)] : runs(section.rows).map(run => rowsTable(report, section, run.rows, marks));
    return h('section', { class: 'form-section', dataset: { section: section.key } },
      h('h2', {}, (NUMERALS[i] || '') + '、' + section.label), body);
  });
  return { element: h('div', { class: 'form', id: 'report-tables' }, blocks), laidOut };
}
