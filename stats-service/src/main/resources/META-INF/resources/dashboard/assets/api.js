// Calls to the three services' public APIs with the signed-in person's bearer token. Answers that carry an ETag
// are kept, so that a re-read sends If-None-Match and a 304 costs the server one row and the page nothing.
import { config } from './config.js';
import { current, requireSignIn } from './session.js';

export const MEDIA = Object.freeze({
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
});

/** A refusal or failure of an API, with its problem+json when there is one. */
export class ApiError extends Error {
  constructor(status, problem, url) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
    this.url = url;
  }
}

const kept = new Map(); // url → { etag, body }

export function url(service, path, params = {}) {
  const target = new URL(config.services[service] + path);
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') target.searchParams.set(k, String(v));
  });
  return target.toString();
}

function headers(extra = {}) {
  const session = current();
  if (!session) {
    requireSignIn();
    throw new ApiError(401, { detail: '未登录' }, '');
  }
  return { Authorization: 'Bearer ' + session.token, ...extra };
}

async function failure(response, target) {
  let problem = null;
  try { problem = await response.json(); } catch (e) { problem = null; }
  if (response.status === 401) requireSignIn();
  return new ApiError(response.status, problem, target);
}

/**
 * GET a JSON answer. {changed: false} when the server answered 304 to the ETag of the copy kept from before
 * (the body is then that copy).
 */
export async function get(service, path, params = {}) {
  const target = url(service, path, params);
  const copy = kept.get(target);
  let response;
  try {
    response = await fetch(target, {
      headers: headers(copy ? { Accept: 'application/json', 'If-None-Match': copy.etag } : { Accept: 'application/json' }),
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, { detail: '无法连接 ' + new URL(target).host + '：' + e.message }, target);
  }
  if (response.status === 304 && copy) return { body: copy.body, changed: false, etag: copy.etag };
  if (!response.ok) throw await failure(response, target);
  const body = await response.json();
  const etag = response.headers.get('ETag');
  if (etag) kept.set(target, { etag, body });
  return { body, changed: true, etag };
}

/** GET, answering the body only. */
export async function read(service, path, params = {}) {
  return (await get(service, path, params)).body;
}

export async function post(service, path, body) {
  const target = url(service, path);
  const response = await fetch(target, {
    method: 'POST',
    headers: headers({ 'Content-Type': 'application/json', Accept: 'application/json' }),
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response, target);
  return response.json();
}

/** Downloads a stats table as CSV or XLSX through the API's own export (Accept), named as the server names it. */
export async function download(service, path, params, kind) {
  return save(url(service, path, params), MEDIA[kind], 'export.' + kind);
}

/** Downloads a document the API serves (a report's original as published), named as the server names it. */
export async function downloadDocument(service, path, fallbackName) {
  return save(url(service, path), '*/*', fallbackName);
}

async function save(target, accept, fallbackName) {
  const response = await fetch(target, { headers: headers({ Accept: accept }), cache: 'no-store' });
  if (!response.ok) throw await failure(response, target);
  const disposition = response.headers.get('Content-Disposition') || '';
  const match = /filename="?([^";]+)"?/.exec(disposition);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = match ? match[1] : fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return link.download;
}
