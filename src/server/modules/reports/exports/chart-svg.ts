import type { ChartSpec } from '../../../../contract/report-charts.ts';
import { loadOnce } from '../../../load-once.ts';

// ECharts' server-side renderer: vector SVG without a DOM, embedded as vector graphics in the PDF.

const loadEcharts = loadOnce(() => import('echarts'));

export async function renderChartSvg(
  chart: ChartSpec,
  size: { width: number; height: number },
): Promise<string> {
  const echarts = await loadEcharts();
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    instance.setOption(chart.option);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
