import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { luminance, themeFor } from '../../src/taskpane/view/theme';

describe('theme from Office', () => {
  test('a dark Outlook body background gives the dark theme', () => {
    expect(themeFor({ bodyBackgroundColor: '#1F1F1F' })).toBe(webDarkTheme);
    expect(themeFor({ bodyBackgroundColor: '#000' })).toBe(webDarkTheme);
  });

  test('a light background, a missing theme or a junk colour gives the light theme', () => {
    expect(themeFor({ bodyBackgroundColor: '#FFFFFF' })).toBe(webLightTheme);
    expect(themeFor(undefined)).toBe(webLightTheme);
    expect(themeFor({ bodyBackgroundColor: 'rgb(0,0,0)' })).toBe(webLightTheme);
  });

  test('luminance follows WCAG at the ends and rejects non-hex values', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('#000000')).toBe(0);
    expect(luminance('zzz')).toBeNull();
  });
});
