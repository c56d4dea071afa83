import { describe, expect, it } from 'vitest';
import { awsErrorName } from '../../../main/aws/awsErrors';

describe('awsErrorName', () => {
  it("reads the SDK's error code from a thrown service exception", () => {
    const error = Object.assign(new Error('The security group does not exist'), {
      name: 'InvalidGroup.NotFound',
      $metadata: { httpStatusCode: 400 },
    });
    expect(awsErrorName(error)).toBe('InvalidGroup.NotFound');
  });

  it.each([
    ['null', null],
    ['a string', 'boom'],
    ['an object without a name', { message: 'x' }],
    ['a name that is not text', { name: 42 }],
  ])('answers an empty name for %s', (_label, thrown) => {
    expect(awsErrorName(thrown)).toBe('');
  });
});
