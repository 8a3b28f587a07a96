import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { barMarksPlugin, referencesPlugin } from './plugins';

let registered = false;

/** Registers only what the app draws (bars, lines, two scales, tooltip, legend) and our two plugins. */
export function registerCharts(): void {
  if (registered) return;
  Chart.register(
    BarController,
    BarElement,
    LineController,
    LineElement,
    PointElement,
    CategoryScale,
    LinearScale,
    Tooltip,
    Legend,
    barMarksPlugin,
    referencesPlugin,
  );
  registered = true;
}
