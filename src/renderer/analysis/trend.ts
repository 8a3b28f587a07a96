// The trend and breakdown helpers are shared: a meeting's snapshot freezes them in main.
export * from '../../shared/metrics/trend';
