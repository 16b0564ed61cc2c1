// Small DOM helpers: elements without innerHTML (every text goes in as text), data tables with the stats exports,
// and the pages every view may end on (403, errors).
import * as api from './api.js';
import { current } from './session.js';
import { paths } from './config.js';

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (key === 'class') element.className = value;
    else if (key === 'dataset') Object.entries(value).forEach(([k, v]) => { if (v !== undefined && v !== null) element.dataset[k] = v; });
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : String(value));
  });
  children.flat(Infinity).forEach(child => {
    if (child === null || child === undefined || child === false) return;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return element;
}

export function clear(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
  return element;
}

/**
 * A table: columns [{key, label, num, render(row) → text|Node}], rows as objects. {total} marks the total row;
 * {id} names the table for the tests and the exports.
 */
export function table(columns, rows, { id, rowClass, rowData } = {}) {
  return h('table', { class: 'data', id },
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { class: c.num ? 'num' : null, dataset: { key: c.key } }, c.label)))),
    h('tbody', {}, rows.map(row => h('tr', { class: rowClass ? rowClass(row) : null, dataset: rowData ? rowData(row) : {} },
      columns.map(c => {
        const value = c.render ? c.render(row) : row[c.key];
        return h('td', { class: c.num ? 'num' : null, dataset: { key: c.key, value: c.raw ? c.raw(row) : undefined } },
          value === null || value === undefined ? '—' : value);
      })))));
}

/** CSV and XLSX buttons that download the same stats query through its Accept exports. */
export function exports(service, path, params, label = '导出') {
  const status = h('span', { class: 'muted' });
  const button = (kind, text) => h('button', {
    type: 'button', class: 'export', dataset: { export: kind },
    onclick: async () => {
      status.textContent = '正在导出…';
      try {
        status.textContent = '已下载 ' + await api.download(service, path, params, kind);
      } catch (e) {
        status.textContent = '导出失败：' + e.message;
      }
    },
  }, text);
  return h('span', { class: 'exports' }, h('span', { class: 'muted' }, label), button('csv', 'CSV'), button('xlsx', 'Excel'), status);
}

export function section(title, actions, ...content) {
  return h('section', { class: 'block' }, h('div', { class: 'table-head' }, h('h2', {}, title), actions || null), ...content);
}

const ROLE_NAMES = { supervisor: '主管部门', viewer: '只读看板', admin: '管理员', submitter: '报送系统', service: '服务' };

export function roleNames(roles) {
  return (roles || []).map(r => ROLE_NAMES[r] || r).join('、');
}

/** The 403 page: who is signed in, what was refused and why, and the way back to what the person may see. */
export function forbidden(target, error, what) {
  const session = current();
  const own = session && session.jurisdiction;
  clear(document.getElementById('crumbs'));
  clear(target, h('div', { class: 'forbidden', id: 'forbidden', role: 'alert' },
    h('div', { class: 'code' }, '403'),
    h('h1', {}, '无权访问'),
    h('p', {}, '您当前的身份（', session ? session.subject : '未登录', '，', roleNames(session && session.roles) || '无角色',
      own ? '，辖区 ' + own : '', '）无权查看', what ? '：' + what : '此页面', '。'),
    error && error.problem && error.problem.detail ? h('p', { class: 'muted', id: 'forbidden-detail' }, '服务答复：', error.problem.detail) : null,
    h('p', {}, own ? h('a', { href: paths.root + '/overview/' + own }, '返回本辖区概览') : h('a', { href: paths.root }, '返回首页'),
      ' · ', h('a', { href: paths.signIn }, '换一个账号登录'))));
}

export function failed(target, error) {
  clear(target, h('div', { class: 'card error', id: 'failure', role: 'alert' },
    h('h1', {}, error.status === 404 ? '未找到' : '出错了'),
    h('p', {}, error.message || String(error)),
    error.status === 0 || error.status >= 500 ? h('p', { class: 'muted' }, '服务暂时不可用，请稍后重试。') : null));
}

/** Runs a view's loading; a 403 anywhere becomes the 403 page, other errors an error card. */
export async function guarded(target, what, load) {
  try {
    return await load();
  } catch (e) {
    if (e instanceof api.ApiError && e.status === 403) forbidden(target, e, what);
    else if (e instanceof api.ApiError && e.status === 401) { /* sent to sign in */ }
    else failed(target, e);
    return null;
  }
}
