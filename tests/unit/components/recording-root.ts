// reactRootPerTest, with every message the component sent kept in order (cleared before each test).
import { beforeEach } from 'vitest';
import { reactRootPerTest } from './react-root';

export function recordingRootPerTest<M>(answer: (message: M) => unknown) {
  const sent: M[] = [];
  beforeEach(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    sent.length = 0;
  });
  const view = reactRootPerTest((message: M) => {
    sent.push(message);
    return answer(message);
  });
  return { view, sent };
}
