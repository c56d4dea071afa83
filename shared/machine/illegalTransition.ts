import { AppError } from '../errors';

/**
 * Each lifecycle refuses an event its current position does not allow with an error class of its
 * own, so a caller can tell one machine's refusal from another's (`instanceof`), while every
 * refusal carries the same params (the position under its machine's name, and the event) for
 * the catalogue's message.
 */
export function illegalTransitionError<Position extends string, EventType extends string>(
  code: string,
  positionName: 'step' | 'phase' | 'state',
) {
  return class IllegalTransitionError extends AppError {
    constructor(position: Position, event: EventType) {
      super(code, { [positionName]: position, event });
    }
  };
}
