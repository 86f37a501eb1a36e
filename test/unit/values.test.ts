/**
 * `safeInteger`: engine integers become JS numbers only when no precision is
 * lost; anything else is refused with GRAPH_INTEGER_OUT_OF_RANGE.
 */
import { GraphError, GraphErrorCode } from '../../src/graph';
import { safeInteger } from '../../src/graph/values';

function refusal(value: bigint | number): GraphError | undefined {
  try {
    safeInteger(value, 'column "n"');
  } catch (error) {
    return error as GraphError;
  }
  return undefined;
}

describe('safeInteger', () => {
  it.each([0, 1, -1, 42, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER])(
    'passes the safe number %d through',
    (n) => {
      expect(safeInteger(n, 'test')).toBe(n);
    },
  );

  it.each([0n, 7n, -7n, 9007199254740991n, -9007199254740991n])(
    'converts the safe bigint %s to a number',
    (n) => {
      expect(safeInteger(n, 'test')).toBe(Number(n));
    },
  );

  it.each([9007199254740992n, 9007199254740993n, 9223372036854775807n, -9223372036854775808n])(
    'refuses the bigint %s, which would round',
    (n) => {
      const error = refusal(n);
      expect(error).toBeInstanceOf(GraphError);
      expect(error?.code).toBe(GraphErrorCode.INTEGER_OUT_OF_RANGE);
    },
  );

  it.each([2 ** 53, -(2 ** 53), 2 ** 63])(
    'refuses the number %d, which is already rounded',
    (n) => {
      expect(refusal(n)?.code).toBe(GraphErrorCode.INTEGER_OUT_OF_RANGE);
    },
  );

  it('refuses a number that is not an integer', () => {
    expect(refusal(1.5)?.code).toBe(GraphErrorCode.INTEGER_OUT_OF_RANGE);
  });

  it('says where the value came from and that it was refused rather than rounded', () => {
    expect(refusal(9223372036854775807n)?.message).toBe(
      'Integer 9223372036854775807 in column "n" is outside JavaScript\'s safe range (±9007199254740991); ' +
        'it was refused rather than rounded.',
    );
  });

  it('is not retryable', () => {
    expect(refusal(2 ** 60)?.retryable).toBe(false);
  });
});
