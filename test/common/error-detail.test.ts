import fc from 'fast-check';
import { GraphRequestError } from '../../src/graph/errors';
import { errorDetail } from '../../src/common/error-detail';

describe('errorDetail', () => {
  it('puts a Graph failure’s status and code before its message', () => {
    const forbidden = new GraphRequestError({
      status: 403,
      code: 'accessDenied',
      message: 'Access denied',
      method: 'GET',
    });
    expect(errorDetail(forbidden)).toBe('HTTP 403 accessDenied: Access denied');
    const dropped = new GraphRequestError({
      status: 0,
      message: 'No response from Graph (fetch failed)',
      method: 'POST',
    });
    expect(errorDetail(dropped)).toBe('no response: No response from Graph (fetch failed)');
  });

  it('names an MSAL error code once, and says a plain error as it is', () => {
    const msal = Object.assign(new Error('The user cancelled the flow.'), { errorCode: 'user_cancelled' });
    expect(errorDetail(msal)).toBe('user_cancelled: The user cancelled the flow.');
    const already = Object.assign(new Error('user_cancelled: closed'), { errorCode: 'user_cancelled' });
    expect(errorDetail(already)).toBe('user_cancelled: closed');
    expect(errorDetail(new Error('503 serviceNotAvailable'))).toBe('503 serviceNotAvailable');
    expect(errorDetail('offline')).toBe('offline');
  });

  it('is one short line whatever was thrown', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true }),
        fc.string({ maxLength: 1000 }),
        (thrown, message) => {
          for (const err of [thrown, new Error(message)]) {
            expect(errorDetail(err).length).toBeLessThanOrEqual(200);
            expect(errorDetail(err)).not.toMatch(/[\n\r]/);
          }
        },
      ),
    );
  });
});
