// How numbers and times are written on every page.
export const score = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : value.toFixed(1);

export const ms = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : `${Math.round(value).toLocaleString('en-US')} ms`;

export const percent = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined ? '–' : `${value.toFixed(digits)} %`;

export const when = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' }) : '–';

export const duration = (millis: number | null | undefined): string => {
  if (millis === null || millis === undefined) return '–';
  if (millis < 1000) return `${Math.round(millis)} ms`;
  if (millis < 120_000) return `${(millis / 1000).toFixed(1)} s`;
  return `${Math.round(millis / 60_000)} min`;
};

/** An amount in its currency, to two significant digits when below one cent (per-call costs are tiny). */
export const money = (value: number | null | undefined, currency: string | null = 'USD'): string => {
  if (value === null || value === undefined) return '–';
  const digits = Math.abs(value) >= 0.01 || value === 0 ? value.toFixed(2) : value.toPrecision(2);
  return `${digits} ${currency ?? ''}`.trim();
};

export const count = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : value.toLocaleString('en-US');
