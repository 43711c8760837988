// Core's week chart drawn as inline SVG: the summary is the text alternative, each bar has its label.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { WeekChart } from '../../core/register/chart';

const useStyles = makeStyles({
  bar: { fill: tokens.colorBrandBackground },
  breach: { fill: tokens.colorPaletteRedBackground3 },
  base: { stroke: tokens.colorNeutralStroke1 },
});

export function RowChart({ chart }: { chart: WeekChart }) {
  const s = useStyles();
  return (
    <svg
      role="img"
      aria-label={chart.summary}
      width={chart.width}
      height={chart.height + 1}
      viewBox={`0 0 ${chart.width} ${chart.height + 1}`}
    >
      {chart.bars.map((b) => (
        <rect
          key={b.x}
          x={b.x}
          y={chart.height - b.height}
          width={b.width}
          height={Math.max(b.height, b.breach ? 2 : 0)}
          className={b.breach ? s.breach : s.bar}
        >
          <title>{b.label}</title>
        </rect>
      ))}
      <line x1={0} x2={chart.width} y1={chart.height + 0.5} y2={chart.height + 0.5} className={s.base} />
    </svg>
  );
}
