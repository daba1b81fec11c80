// What a section shows while its data loads or when loading failed.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <p className="muted">Loading…</p>;
  if (query.isError)
    return (
      <p role="alert" className="error">
        Could not load: {query.error.message}
      </p>
    );
  return <>{children(query.data)}</>;
}
