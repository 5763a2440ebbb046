// useReducer whose current state is readable synchronously. Keys can arrive faster than
// React renders (a paste, a fast typist, tmux send-keys); a handler that read the last
// rendered state would act on stale state and drop keys. Here each action applies to the
// latest state at once, and a render follows.
import { useCallback, useRef, useState } from 'react';

export function useLiveReducer<S, A>(reducer: (state: S, action: A) => S, initial: () => S): [S, (action: A) => void, { readonly current: S }] {
  const live = useRef<S | null>(null);
  if (live.current === null) live.current = initial();
  const [state, setState] = useState<S>(live.current);
  const dispatch = useCallback(
    (action: A) => {
      live.current = reducer(live.current as S, action);
      setState(live.current);
    },
    [reducer],
  );
  return [state, dispatch, live as { readonly current: S }];
}
