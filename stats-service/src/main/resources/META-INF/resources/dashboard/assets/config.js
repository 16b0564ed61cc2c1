// Where this deployment's services are and how people sign in: the server renders it as data-* attributes of the
// page's body (no inline script, so a strict Content-Security-Policy holds).
const data = document.body.dataset;

function base(url) {
  return url ? url.replace(/\/+$/, '') : '';
}

export const config = Object.freeze({
  services: Object.freeze({
    stats: base(data.statsUrl) || window.location.origin,
    reporting: base(data.reportingUrl),
    intake: base(data.intakeUrl),
  }),
  oidc: Object.freeze({
    issuer: base(data.oidcIssuer),
    clientId: data.oidcClientId || '',
    scope: data.oidcScope || 'openid',
  }),
  devSignIn: data.devSignIn === 'true',
  refreshSeconds: Math.max(1, Number(data.refreshSeconds || 15)),
});

export const paths = Object.freeze({
  root: '/dashboard',
  signIn: '/dashboard/signin',
  callback: '/dashboard/callback',
});

/** The first year of the State Council's 2019 form: trends start here. */
export const FIRST_YEAR = 2019;
