// The pane follows Outlook's theme: dark when Office's body background is dark.
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** Relative luminance (WCAG) of `#rgb` / `#rrggbb`; null when the value is not a hex colour. */
export function luminance(color: string | undefined): number | null {
  const hex = color?.trim().replace(/^#/, '') ?? '';
  const full = /^[0-9a-f]{3}$/i.test(hex) ? [...hex].map((c) => c + c).join('') : hex;
  if (!/^[0-9a-f]{6}$/i.test(full)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Dark theme for a dark Office body background; light otherwise, and when Office says nothing.
 * 0.179 is where white and black text have equal contrast on the background.
 */
export function themeFor(officeTheme: { bodyBackgroundColor?: string } | undefined): Theme {
  const l = luminance(officeTheme?.bodyBackgroundColor);
  return l !== null && l < 0.179 ? webDarkTheme : webLightTheme;
}
