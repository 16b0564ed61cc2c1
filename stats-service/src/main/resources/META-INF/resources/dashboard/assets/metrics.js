// The Chinese labels of the stats metrics, as stats derives them from the edition definitions (/api/v1/stats/metrics).
import * as api from './api.js';

let labels = null;

export async function metricLabels() {
  if (!labels) {
    labels = api.read('stats', '/api/v1/stats/metrics').then(answer => {
      const map = new Map();
      Object.values(answer).flat().forEach(c => map.set(c.key, c.label));
      return map;
    }).catch(e => { labels = null; throw e; });
  }
  return labels;
}

let editions = null;

/** The editions of the form (report-form's definitions through /api/v1/editions), by id. */
export async function editionDefinitions() {
  if (!editions) {
    editions = api.read('stats', '/api/v1/editions').then(list => new Map(list.map(e => [e.id, e]))).catch(e => { editions = null; throw e; });
  }
  return editions;
}
