/**
 * A load of commands in lanes (one per case, so a case's commands never race each other), run
 * while a test breaks something. `answered()` counts the steps done; `unlessALaneFailed()` lets
 * the test's waits report a lane that stopped on an unexpected answer instead of timing out.
 */
export interface Lanes {
  done: Promise<void>;
  answered(): number;
  unlessALaneFailed(): void;
}

export function runLanes(
  lanes: string[],
  stepsPerLane: number,
  step: (lane: string, n: number) => Promise<void>,
): Lanes {
  let answered = 0;
  let failure: unknown;
  const done = Promise.all(
    lanes.map(async (lane) => {
      for (let n = 0; n < stepsPerLane; n++) {
        await step(lane, n);
        answered++;
      }
    }),
  ).then(() => undefined);
  done.catch((error) => (failure = error));
  return {
    done,
    answered: () => answered,
    unlessALaneFailed: () => {
      if (failure) throw failure;
    },
  };
}
