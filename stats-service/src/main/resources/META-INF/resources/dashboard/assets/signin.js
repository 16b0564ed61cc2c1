// The sign-in page: the province's identity provider (OpenID Connect, code flow with PKCE), and on a developer's
// machine the dev sign-in form.
import * as session from './session.js';

const query = new URLSearchParams(window.location.search);
const returnTo = session.safeReturn(query.get('returnTo'));
const error = document.getElementById('signin-error');

function fail(e) {
  error.textContent = e.message || String(e);
  error.hidden = false;
}

const oidc = document.getElementById('oidc-sign-in');
if (oidc) oidc.addEventListener('click', () => session.startOidcSignIn(returnTo).catch(fail));

const form = document.getElementById('dev-sign-in');
if (form) {
  ['role', 'jurisdiction', 'name'].forEach(f => { if (query.get(f)) form.elements[f].value = query.get(f); });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await session.devSignIn(form.elements.role.value, form.elements.jurisdiction.value.trim(), form.elements.name.value.trim());
      window.location.assign(returnTo);
    } catch (e) {
      fail(e);
    }
  });
}
document.body.dataset.state = 'ready';
