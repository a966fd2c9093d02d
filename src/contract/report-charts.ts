import type { ReportDocument, ReportTable } from './reports.ts';

// The report's charts as ECharts options, built from the report document alone: the server renders them
// to SVG for the PDF, the dashboard draws them in the browser, and each has its table as the alternative.

export type ChartId = 'monthly' | 'by_category' | 'by_channel' | 'on_time' | 'top_complexes';

export type ChartSpec = Readonly<{
  id: ChartId;
  title: string;
  tableId: string;
  option: Record<string, unknown>;
}>;

const PALETTE = ['#0b5c8a', '#e07b00', '#2f8f5b', '#8a3ffc', '#c22f4b', '#6b7785'];
const numberValue = (value: unknown) => (typeof value === 'number' ? value : 0);
/** Axis numbers the Dutch way (1.000), in the browser and in the PDF alike. */
const dutchAxis = { axisLabel: { formatter: (value: number) => value.toLocaleString('nl-NL') } };

function tableOf(document: ReportDocument, id: string): ReportTable | undefined {
  return document.tables.find((t) => t.id === id);
}

function summaryValue(document: ReportDocument, key: string): number | null {
  const row = tableOf(document, 'summary')?.rows.find((r) => r.key === key);
  const value = row?.cells[0]?.value;
  return typeof value === 'number' ? value : null;
}

const base = { animation: false, color: PALETTE, textStyle: { fontFamily: 'Roboto, Arial, sans-serif' } };

export function reportCharts(document: ReportDocument): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const monthly = tableOf(document, 'monthly');
  if (monthly) {
    charts.push({
      id: 'monthly',
      title: 'Ontvangen en beantwoord per maand',
      tableId: 'monthly',
      option: {
        ...base,
        legend: { bottom: 0 },
        grid: { left: 40, right: 20, top: 20, bottom: 50 },
        xAxis: { type: 'category', data: monthly.rows.map((r) => r.label) },
        yAxis: { type: 'value', minInterval: 1, ...dutchAxis },
        series: [
          { name: 'Ontvangen', type: 'line', data: monthly.rows.map((r) => numberValue(r.cells[0]?.value)) },
          { name: 'Beantwoord', type: 'line', data: monthly.rows.map((r) => numberValue(r.cells[1]?.value)) },
        ],
      },
    });
  }
  const category = tableOf(document, 'by_category');
  if (category) {
    charts.push({
      id: 'by_category',
      title: 'Ontvangen per categorie',
      tableId: 'by_category',
      option: {
        ...base,
        grid: { left: 220, right: 30, top: 10, bottom: 30 },
        xAxis: { type: 'value', minInterval: 1, ...dutchAxis },
        yAxis: {
          type: 'category',
          inverse: true,
          axisLabel: { width: 210, overflow: 'truncate' },
          data: category.rows.map((r) => r.label),
        },
        series: [{ type: 'bar', data: category.rows.map((r) => numberValue(r.cells[0]?.value)) }],
      },
    });
  }
  const channel = tableOf(document, 'by_channel');
  if (channel) {
    charts.push({
      id: 'by_channel',
      title: 'Ontvangen per kanaal',
      tableId: 'by_channel',
      option: {
        ...base,
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['35%', '65%'],
            center: ['50%', '45%'],
            // An explicit colour: the PDF's SVG renderer does not inherit the segment's colour for label text.
            label: { formatter: '{b}: {c}', color: '#1f2328' },
            data: channel.rows
              .filter((r) => numberValue(r.cells[0]?.value) > 0)
              .map((r) => ({ name: r.label, value: numberValue(r.cells[0]?.value) })),
          },
        ],
      },
    });
  }
  const onTime = summaryValue(document, 'on_time_original_rate');
  // A fixed text: the percentage written exactly as in the tables ('83,3%').
  const onTimeText = onTime === null ? '–' : `${(Math.round(onTime * 1000) / 10).toLocaleString('nl-NL')}%`;
  charts.push({
    id: 'on_time',
    title: 'Op tijd beantwoord (oorspronkelijke termijn)',
    tableId: 'summary',
    option: {
      ...base,
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          startAngle: 200,
          endAngle: -20,
          progress: { show: true, width: 16 },
          axisLine: { lineStyle: { width: 16 } },
          pointer: { show: false },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { show: false },
          detail: { formatter: onTimeText, fontSize: 24, offsetCenter: [0, '10%'] },
          data: [{ value: onTime === null ? 0 : Math.round(onTime * 1000) / 10 }],
        },
      ],
    },
  });
  const complexes = tableOf(document, 'by_complex');
  if (complexes) {
    const top = complexes.rows.filter((r) => typeof r.cells[2]?.value === 'number').slice(0, 10);
    charts.push({
      id: 'top_complexes',
      title: 'Complexen met de meeste klachten per 1.000 verhuureenheden',
      tableId: 'by_complex',
      option: {
        ...base,
        grid: { left: 180, right: 30, top: 10, bottom: 30 },
        xAxis: { type: 'value', ...dutchAxis },
        yAxis: {
          type: 'category',
          inverse: true,
          axisLabel: { width: 170, overflow: 'truncate' },
          data: top.map((r) => r.label),
        },
        series: [{ type: 'bar', data: top.map((r) => Math.round(numberValue(r.cells[2]?.value) * 10) / 10) }],
      },
    });
  }
  return charts;
}
