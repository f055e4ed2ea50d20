// Runs one SDK request per change of its key and keeps the latest answer; an answer to an older key
// that arrives late is dropped.
import { useEffect, useState } from 'preact/hooks';

export type QueryState<Data> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'done'; data: Data; error?: undefined }
  | { status: 'failed'; data?: undefined; error: Error };

export function useQuery<Data>(key: string, run: () => Promise<Data>): QueryState<Data> {
  const [state, setState] = useState<{ key: string; value: QueryState<Data> }>({
    key,
    value: { status: 'loading' },
  });
  useEffect(() => {
    let current = true;
    setState({ key, value: { status: 'loading' } });
    run().then(
      (data) => current && setState({ key, value: { status: 'done', data } }),
      (error: unknown) =>
        current &&
        setState({
          key,
          value: { status: 'failed', error: error instanceof Error ? error : new Error(String(error)) },
        }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state.key === key ? state.value : { status: 'loading' };
}
