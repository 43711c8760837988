import { readRuntimeConfig } from '../../src/office/config';

const GOOD = {
  mode: 'sandbox',
  graphBaseUrl: 'https://localhost:3443/v1.0/',
  siteHostname: 'force.sharepoint.example.org',
  sitePath: '/sites/psd',
  clientId: '',
  authority: '',
};

describe('readRuntimeConfig', () => {
  it('takes the configuration the sandbox page injects, without a trailing slash', () => {
    expect(readRuntimeConfig({ __CST_CONFIG__: GOOD })).toEqual({
      ...GOOD,
      graphBaseUrl: 'https://localhost:3443/v1.0',
    });
  });

  it('names the field that is wrong', () => {
    expect(() => readRuntimeConfig({ __CST_CONFIG__: { ...GOOD, mode: 'test' } })).toThrow(/mode must be/);
    expect(() => readRuntimeConfig({ __CST_CONFIG__: { ...GOOD, sitePath: 3 } })).toThrow(
      /sitePath must be a string/,
    );
    expect(() =>
      readRuntimeConfig({ __CST_CONFIG__: { ...GOOD, graphBaseUrl: 'http://localhost/v1.0' } }),
    ).toThrow(/must be https/);
    expect(() => readRuntimeConfig({ __CST_CONFIG__: 'x' })).toThrow(/not an object/);
  });

  it('explains how to get a configuration when there is none', () => {
    expect(() => readRuntimeConfig({})).toThrow(/npm run build.*npm start/);
  });
});
