import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { illegalTransitionError } from '../../../shared/machine/illegalTransition';

describe('illegal-transition errors made by the factory', () => {
  const DoorRefusal = illegalTransitionError<'open' | 'shut', 'opened'>('door.illegal', 'state');
  const LockRefusal = illegalTransitionError<'locked', 'opened'>('lock.illegal', 'phase');

  it('carry the code and the position under the name the machine gives it', () => {
    expect(new DoorRefusal('open', 'opened').toData()).toEqual({
      code: 'door.illegal',
      params: { state: 'open', event: 'opened' },
    });
    expect(new LockRefusal('locked', 'opened').toData()).toEqual({
      code: 'lock.illegal',
      params: { phase: 'locked', event: 'opened' },
    });
  });

  it("are AppErrors a caller can tell from another machine's refusals", () => {
    const refusal = new DoorRefusal('shut', 'opened');
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toBeInstanceOf(DoorRefusal);
    expect(refusal).not.toBeInstanceOf(LockRefusal);
  });
});
