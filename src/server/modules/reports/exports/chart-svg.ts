import * as echarts from 'echarts';
import type { ChartSpec } from '../../../../contract/report-charts.ts';

// ECharts' server-side renderer: vector SVG without a DOM, embedded as vector graphics in the PDF.

export function renderChartSvg(chart: ChartSpec, size: { width: number; height: number }): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    instance.setOption(chart.option);
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
