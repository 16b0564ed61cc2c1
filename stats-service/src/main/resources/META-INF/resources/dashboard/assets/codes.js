// GB/T 2260 division codes as the platform uses them: XX0000 a province, XXYY00 a city, XXYYZZ a county.
export function level(code) {
  if (/^\d{2}0000$/.test(code)) return 'province';
  if (/^\d{4}00$/.test(code)) return 'city';
  return 'county';
}

export function parent(code) {
  if (level(code) === 'county') return code.slice(0, 4) + '00';
  if (level(code) === 'city') return code.slice(0, 2) + '0000';
  return null;
}

/** Whether {@code code} is {@code ancestor} or lies below it. */
export function within(code, ancestor) {
  if (!code || !ancestor) return false;
  if (code === ancestor) return true;
  const lv = level(ancestor);
  if (lv === 'province') return code.slice(0, 2) === ancestor.slice(0, 2);
  if (lv === 'city') return code.slice(0, 4) === ancestor.slice(0, 4);
  return false;
}

/** The nodes from {@code top} down to {@code code}, both included; just [code] when top is not above it. */
export function chain(top, code) {
  const nodes = [];
  for (let c = code; c; c = parent(c)) {
    nodes.unshift(c);
    if (c === top) return nodes;
  }
  return [code];
}

export const KINDS = Object.freeze({ government: '人民政府', department: '部门' });
