import { useEffect, useState } from 'react';
import { useUi } from '../app-context';

/** What charts take from the page: colours of the current theme and sizes for the room they are shown in. */
export interface ChartTheme {
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly surface: string;
  readonly danger: string;
  readonly success: string;
  readonly font: string;
  /** Axis and legend labels, px. */
  readonly size: number;
  /** Numbers drawn on bars, px (bold). */
  readonly valueSize: number;
}

export const LIGHT_CHART_THEME: ChartTheme = {
  text: '#111827',
  muted: '#4a5263',
  grid: '#e3e6eb',
  surface: '#ffffff',
  danger: '#c8321f',
  success: '#0d7a4d',
  font: 'sans-serif',
  size: 13,
  valueSize: 13,
};

/** Reads the CSS tokens (tokens.css) so charts follow the light and dark themes. */
export function readChartTheme(root: HTMLElement, presenter: boolean): ChartTheme {
  const css = getComputedStyle(root);
  const token = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  // Projectors wash out thin, small type: larger labels in presenter mode, and never below 13 px.
  const size = presenter ? 17 : 13;
  return {
    text: token('--text', LIGHT_CHART_THEME.text),
    muted: token('--text-2', LIGHT_CHART_THEME.muted),
    grid: token('--border', LIGHT_CHART_THEME.grid),
    surface: token('--surface', LIGHT_CHART_THEME.surface),
    danger: token('--danger', LIGHT_CHART_THEME.danger),
    success: token('--success', LIGHT_CHART_THEME.success),
    font: token('--font-sans', LIGHT_CHART_THEME.font),
    size,
    valueSize: size + 1,
  };
}

/** The chart theme, re-read when the theme, the language (CJK font) or presenter mode changes. */
export function useChartTheme(): ChartTheme {
  const presenter = useUi((s) => s.presenter);
  const [theme, setTheme] = useState(() => readChartTheme(document.documentElement, presenter));
  useEffect(() => {
    const root = document.documentElement;
    const update = () => setTheme(readChartTheme(root, presenter));
    update();
    const observer = new MutationObserver(update);
    observer.observe(root, { attributes: true, attributeFilter: ['data-theme', 'lang', 'class'] });
    return () => observer.disconnect();
  }, [presenter]);
  return theme;
}
