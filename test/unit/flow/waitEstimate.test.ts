import { describe, expect, it } from 'vitest';
import { EXPECTED_WAITS, waitFigure } from '../../../shared/flow/waitEstimate';

const MINUTE = 60_000;

describe('the time left shown for a wait on AWS', () => {
  it('starts from the usual range and shrinks with the time waited', () => {
    expect(waitFigure(EXPECTED_WAITS.lambdaInterfaces, 0)).toEqual({
      kind: 'left',
      minMinutes: 20,
      maxMinutes: 45,
    });
    expect(waitFigure(EXPECTED_WAITS.lambdaInterfaces, 30 * MINUTE)).toEqual({
      kind: 'left',
      minMinutes: 0,
      maxMinutes: 15,
    });
  });

  it('never shows zero or a negative figure: past the usual time it says the wait is longer than usual', () => {
    for (let minute = 0; minute <= 120; minute++) {
      const figure = waitFigure(EXPECTED_WAITS.lambdaInterfaces, minute * MINUTE);
      if (figure.kind === 'left') {
        expect(figure.minMinutes).toBeGreaterThanOrEqual(0);
        expect(figure.maxMinutes).toBeGreaterThan(0);
      } else {
        expect(minute).toBeGreaterThanOrEqual(45);
      }
    }
    expect(waitFigure(EXPECTED_WAITS.stackCreate, 7 * MINUTE)).toEqual({ kind: 'overdue' });
  });
});
