// The signed-in person: a bearer token in this tab's sessionStorage (gone when the tab closes), its claims
// (sub, roles, jurisdiction — verified by the services, only read here), and the two ways to get one:
// OpenID Connect authorization code flow with PKCE (RFC 7636) as a public client, or the dev sign-in.
import { config, paths } from './config.js';

const TOKEN = 'ogi.console.token';
const PENDING = 'ogi.console.oidc';

export function claims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(payload), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    return JSON.parse(json);
  } catch (e) {
    return null;
  }
}

/** The current session, or null when nobody is signed in or the token has expired. */
export function current() {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) return null;
  const c = claims(token);
  if (!c || (c.exp && c.exp * 1000 <= Date.now())) {
    sessionStorage.removeItem(TOKEN);
    return null;
  }
  const roles = Array.isArray(c.roles) ? c.roles : (c.groups || []);
  return { token, subject: c.sub || c.upn || '', roles, jurisdiction: c.jurisdiction || null, expiresAt: c.exp };
}

export function store(token) {
  sessionStorage.setItem(TOKEN, token);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  window.location.assign(paths.signIn);
}

/** Sends the person to sign in, remembering where to come back to. */
export function requireSignIn() {
  const back = window.location.pathname + window.location.search;
  window.location.assign(paths.signIn + '?returnTo=' + encodeURIComponent(back));
}

export function safeReturn(value) {
  // Only a path of this console: never an open redirect to another site.
  return value && value.startsWith(paths.root) && !value.startsWith('//') ? value : paths.root;
}

// --- dev sign-in --------------------------------------------------------------------------------------------------

export async function devSignIn(role, jurisdiction, name) {
  const response = await fetch(config.services.stats + '/dashboard/dev-sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ role, jurisdiction, name }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || ('登录失败（' + response.status + '）'));
  store(body.access_token);
}

// --- OpenID Connect, authorization code with PKCE ------------------------------------------------------------------

function base64url(bytes) {
  let text = '';
  new Uint8Array(bytes).forEach(b => { text += String.fromCharCode(b); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(bytes) {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return base64url(buffer);
}

async function discovery() {
  const response = await fetch(config.oidc.issuer + '/.well-known/openid-configuration', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error('无法读取身份认证平台的配置（' + response.status + '）');
  return response.json();
}

function redirectUri() {
  return window.location.origin + paths.callback;
}

export async function startOidcSignIn(returnTo) {
  const provider = await discovery();
  const verifier = randomText(48); // 64 characters of [A-Za-z0-9-_], within RFC 7636's 43–128
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = randomText(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo: safeReturn(returnTo), tokenEndpoint: provider.token_endpoint }));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.oidc.clientId,
    redirect_uri: redirectUri(),
    scope: config.oidc.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** On /dashboard/callback: exchanges the code for a token (with the PKCE verifier) and returns where to go. */
export async function completeOidcSignIn(query) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (query.get('error')) throw new Error('身份认证平台拒绝了登录：' + query.get('error') + ' ' + (query.get('error_description') || ''));
  if (!pending || !query.get('state') || query.get('state') !== pending.state) {
    throw new Error('登录请求已失效或不是本页发起的（state 不符），请重新登录。');
  }
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code') || '',
      redirect_uri: redirectUri(),
      client_id: config.oidc.clientId,
      code_verifier: pending.verifier,
    }).toString(),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) {
    throw new Error('换取令牌失败：' + (body.error_description || body.error || response.status));
  }
  store(body.access_token);
  return pending.returnTo;
}
