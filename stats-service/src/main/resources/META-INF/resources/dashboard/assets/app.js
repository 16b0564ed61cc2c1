// The console's router: every view has its own URL (/dashboard/<view>/<node or agency>/<year>), so that a view can
// be bookmarked and shared; links inside the console move with history.pushState, the back button works.
import { paths, FIRST_YEAR } from './config.js';
import * as session from './session.js';
import * as api from './api.js';
import { h, clear, forbidden, failed, roleNames } from './ui.js';
import * as codes from './codes.js';
import * as overview from './views/overview.js';
import * as chase from './views/chase.js';
import * as quality from './views/quality.js';
import * as report from './views/report.js';
import * as agencies from './views/agencies.js';

const CONSOLE_ROLES = ['supervisor', 'viewer', 'admin'];
const VIEWS = { overview, chase, quality, report, agencies };
const app = document.getElementById('app');
const names = new Map(); // division code → name, learned from every stats answer
let cleanup = null;

/** Remembers the names a stats answer gives (the node, and its children when grouped by child). */
export function learn(answer) {
  if (!answer) return answer;
  if (answer.jurisdiction && answer.jurisdictionName) names.set(answer.jurisdiction, answer.jurisdictionName);
  if (answer.groupBy === 'child') (answer.rows || []).forEach(r => { if (r.key !== answer.jurisdiction) names.set(r.key, r.name); });
  return answer;
}

/** Learns the names of the nodes among {@code list} not known yet, from stats (scoped: refused ones stay codes). */
export async function resolveNames(list, year) {
  const unknown = [...new Set(list)].filter(c => c && /^\d{6}$/.test(c) && !names.has(c)).slice(0, 60);
  await Promise.all(unknown.map(c => api.read('stats', '/api/v1/stats/fees', { jurisdiction: c, year }).then(learn).catch(() => null)));
}

export function nameOf(code) {
  return names.get(code) || code;
}

export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  route();
}

/** The node a person starts at: the token's jurisdiction, or for an admin without one the root stats answers for. */
async function ownNode(who) {
  if (who.jurisdiction) return who.jurisdiction;
  return learn(await api.read('stats', '/api/v1/stats/fees', { year: new Date().getFullYear() - 1 })).jurisdiction;
}

/** The newest year with any report in the node (the quality counters count reports per year from the rollups). */
export async function latestYear(node) {
  const thisYear = new Date().getFullYear();
  const answer = learn(await api.read('stats', '/api/v1/stats/quality',
    { jurisdiction: node, from: FIRST_YEAR, to: thisYear, groupBy: 'year', size: 1 }));
  const years = answer.rows.filter(r => Number(r.reports) > 0).map(r => Number(r.key));
  return years.length ? Math.max(...years) : thisYear - 1;
}

function renderWho(who) {
  clear(document.getElementById('who'),
    who ? [h('span', { id: 'who-name' }, who.subject), ' · ', roleNames(who.roles), who.jurisdiction ? ' · ' + who.jurisdiction : '',
      h('button', { type: 'button', id: 'sign-out', onclick: () => session.signOut() }, '退出')] : []);
}

function renderNav(view, node, year, who) {
  const nav = document.getElementById('nav');
  if (!node) { clear(nav); return; }
  const supervisor = who.roles.includes('supervisor') || who.roles.includes('admin');
  const link = (v, text) => h('a', { href: paths.root + '/' + v + '/' + node + (v === 'agencies' ? '' : '/' + year), class: v === view ? 'active' : null, dataset: { view: v } }, text);
  clear(nav, link('overview', '概览'), link('chase', '催报'), link('quality', '数据质量'), supervisor ? link('agencies', '单位名录') : null);
}

/** The breadcrumb from the person's own node down to {@code node}; each step keeps the view and the year. */
export async function crumbs(view, node, year, who) {
  const element = document.getElementById('crumbs');
  const top = who.jurisdiction || node.slice(0, 2) + '0000';
  const steps = codes.within(node, top) ? codes.chain(top, node) : [node];
  await Promise.all(steps.filter(c => !names.has(c)).map(c =>
    api.read('stats', '/api/v1/stats/fees', { jurisdiction: c, year }).then(learn).catch(() => null)));
  const parts = [];
  steps.forEach((code, i) => {
    if (i > 0) parts.push(h('span', { class: 'sep' }, '›'));
    const suffix = view === 'agencies' ? '' : '/' + year;
    parts.push(i === steps.length - 1
      ? h('span', { class: 'here', dataset: { code } }, nameOf(code))
      : h('a', { href: paths.root + '/' + view + '/' + code + suffix, dataset: { code } }, nameOf(code)));
  });
  clear(element, parts);
}

async function route() {
  if (cleanup) { cleanup(); cleanup = null; }
  const path = window.location.pathname.replace(/\/+$/, '');
  const query = new URLSearchParams(window.location.search);
  if (path === paths.callback) {
    try {
      navigate(await session.completeOidcSignIn(query), { replace: true });
    } catch (e) {
      failed(app, e);
    }
    return;
  }
  const who = session.current();
  renderWho(who);
  if (!who) { session.requireSignIn(); return; }
  if (!who.roles.some(r => CONSOLE_ROLES.includes(r))) {
    forbidden(app, null, '监管台（需要主管部门、只读看板或管理员角色）');
    return;
  }
  const [, view = '', first = '', second = ''] = path.slice(paths.root.length).split('/');
  try {
    if (!view || !VIEWS[view]) {
      const node = await ownNode(who);
      navigate(paths.root + '/overview/' + node + '/' + await latestYear(node), { replace: true });
      return;
    }
    if (view !== 'agencies' && view !== 'report' && !second) {
      navigate(paths.root + '/' + view + '/' + first + '/' + await latestYear(first), { replace: true });
      return;
    }
  } catch (e) {
    if (e instanceof api.ApiError && e.status === 403) forbidden(app, e, view || '概览');
    else failed(app, e);
    return;
  }
  const year = second ? Number(second) : null;
  document.body.dataset.view = view;
  delete document.body.dataset.state;
  if (view !== 'report') renderNav(view, first, year || new Date().getFullYear() - 1, who);
  cleanup = await VIEWS[view].render({ app, view, key: first, year, query, who, navigate, learn, nameOf, crumbs, resolveNames }) || null;
}

document.addEventListener('click', event => {
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download') || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const target = new URL(link.href, window.location.href);
  if (target.origin !== window.location.origin || !target.pathname.startsWith(paths.root + '/') || target.pathname === paths.signIn) return;
  event.preventDefault();
  navigate(target.pathname + target.search);
});
window.addEventListener('popstate', route);
route();
