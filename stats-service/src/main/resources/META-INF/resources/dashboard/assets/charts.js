// Apache ECharts (the WebJar's dist/echarts.min.js, a global) with what every chart here shares: Chinese fonts,
// no animation (a dashboard is drawn at once), and a promise for "drawn".
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", sans-serif';

/** Resolves when the ECharts script (loaded async by the page) has run. */
export const loaded = new Promise((resolve, reject) => {
  if (window.echarts) { resolve(); return; }
  const script = document.getElementById('echarts-script');
  script.addEventListener('load', () => resolve());
  script.addEventListener('error', () => reject(new Error('无法加载图表组件 ECharts')));
});

export function chart(element) {
  const existing = window.echarts.getInstanceByDom(element);
  if (existing) return existing;
  const instance = window.echarts.init(element, null, { renderer: 'canvas' });
  new ResizeObserver(() => instance.resize()).observe(element);
  return instance;
}

/** Sets the option and resolves when ECharts has finished rendering it. */
export function draw(instance, option) {
  return new Promise(resolve => {
    const done = () => { instance.off('finished', done); resolve(instance); };
    instance.on('finished', done);
    instance.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option }, { notMerge: true });
  });
}

export function dispose(elements) {
  if (!window.echarts) return;
  elements.forEach(e => { const c = e && window.echarts.getInstanceByDom(e); if (c) c.dispose(); });
}
