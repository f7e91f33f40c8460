import { useEffect, useRef, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import mapUrl from './skorea-provinces-2018-topo-simple.json?url';
import { echarts } from './echarts-setup';
import { Cell, isSuppressed, SUPPRESSED_TEXT } from '../figures';

/** The map's names are 2018's; the centers directory and the API use today's. */
const RENAMED: Record<string, string> = { 강원도: '강원특별자치도', 전라북도: '전북특별자치도' };

let registered: Promise<void> | undefined;
/** Fetches the 시·도 boundaries once and registers them with ECharts; a failed fetch is tried again next time. */
export function registerKorea(): Promise<void> {
  registered ??= fetch(mapUrl)
    .then((res) => res.json() as Promise<Topology>)
    .then((topology) => {
      const object = Object.values(topology.objects)[0] as GeometryCollection<{ name: string }>;
      const geo = feature(topology, object) as unknown as { features: { properties: { name: string } }[] };
      for (const f of geo.features) f.properties.name = RENAMED[f.properties.name] ?? f.properties.name;
      echarts.registerMap('korea-provinces', geo as never);
    })
    .catch((error: unknown) => {
      registered = undefined;
      throw error;
    });
  return registered;
}

/** Diagonal stripes: a suppressed 시·도 is patterned, not coloured as if it had a small number. */
const SUPPRESSED_DECAL = {
  symbol: 'rect',
  dashArrayX: [1, 0],
  dashArrayY: [3, 5],
  rotation: -Math.PI / 4,
  color: 'rgba(0, 0, 0, 0.35)',
};

export interface ProvinceValue {
  region: string;
  value: Cell;
}

/**
 * 시·도 choropleth. Paired on the screen with the ranked table (세종 is hardly visible on a map);
 * a click drills into the 시·도. Suppressed: striped grey; not submitted: light grey.
 */
export default function ProvinceMap({
  values,
  metricLabel,
  format,
  onSelect,
}: {
  values: ProvinceValue[];
  metricLabel: string;
  format: (c: Cell) => string;
  onSelect: (region: string) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let chart: ReturnType<typeof echarts.init> | undefined;
    let disposed = false;
    const onResize = () => chart?.resize();
    registerKorea().then(
      () => {
        if (disposed || !element.current) return;
        chart = echarts.init(element.current, undefined, { locale: 'KO', renderer: 'canvas' });
        const numbers = values.map((v) => v.value).filter((v): v is number => typeof v === 'number');
        chart.setOption({
          aria: {
            enabled: true,
            label: { description: `시·도별 ${metricLabel} 지도입니다. 같은 값이 옆의 순위 표에 있습니다.` },
          },
          tooltip: {
            trigger: 'item',
            formatter: (p: { name: string; data?: { cell?: Cell } }) =>
              `${p.name}<br/>${metricLabel}: ${format(p.data?.cell)}`,
          },
          visualMap: {
            min: numbers.length ? Math.min(...numbers) : 0,
            max: numbers.length ? Math.max(...numbers, 1) : 1,
            left: 8,
            bottom: 8,
            calculable: false,
            text: ['높음', '낮음'],
            inRange: { color: ['#dbe9f6', '#08519c'] },
            outOfRange: { color: '#eeeeee' },
          },
          series: [
            {
              type: 'map',
              map: 'korea-provinces',
              roam: false,
              selectedMode: false,
              emphasis: { label: { show: true }, itemStyle: { areaColor: '#ffd666' } },
              data: values.map((v) =>
                typeof v.value === 'number'
                  ? { name: v.region, value: v.value, cell: v.value }
                  : {
                      name: v.region,
                      value: NaN,
                      cell: v.value,
                      itemStyle: isSuppressed(v.value)
                        ? { areaColor: '#d9d9d9', decal: SUPPRESSED_DECAL }
                        : { areaColor: '#f5f5f5' },
                    },
              ),
            },
          ],
        });
        chart.on('click', (p) => {
          if (p.name) onSelect(String(p.name));
        });
        window.addEventListener('resize', onResize);
      },
      () => setFailed(true),
    );
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [values, metricLabel, format, onSelect]);
  return (
    <figure style={{ margin: 0 }}>
      {failed ? (
        <p>지도를 불러오지 못했습니다. 옆의 표에서 같은 값을 볼 수 있습니다.</p>
      ) : (
        <div ref={element} style={{ width: '100%', height: 460 }} />
      )}
      <figcaption style={{ fontSize: 12, color: '#595959' }}>
        줄무늬: {SUPPRESSED_TEXT} · 옅은 회색: 미제출 · 경계: 통계청 SGIS (2018), 공공누리 제1유형
      </figcaption>
    </figure>
  );
}
