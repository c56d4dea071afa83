import { describe, expect, it } from 'vitest';
import { AppError, hasErrorCode } from '../../shared/errors';

describe('telling one error code from the others', () => {
  const gone = hasErrorCode('smooz.notFound');

  it('matches an AppError with exactly that code', () => {
    expect(gone(new AppError('smooz.notFound', { id: 'c-1' }))).toBe(true);
  });

  it('refuses another code, a plain error carrying the code as its message, and non-errors', () => {
    expect(gone(new AppError('smooz.notFoundYet'))).toBe(false);
    expect(gone(new Error('smooz.notFound'))).toBe(false);
    expect(gone({ code: 'smooz.notFound' })).toBe(false);
    expect(gone(undefined)).toBe(false);
  });
});
