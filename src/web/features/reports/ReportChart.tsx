import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';
import type { ChartSpec } from '../../../contract/report-charts.ts';

/** One ECharts chart (SVG renderer); loaded lazily so the rest of the app never downloads ECharts. */
export default function ReportChart({
  chart,
  label,
  height,
}: {
  chart: ChartSpec;
  label: string;
  height: number;
}) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, null, { renderer: 'svg' });
    instance.setOption(chart.option);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
    };
  }, [chart]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
