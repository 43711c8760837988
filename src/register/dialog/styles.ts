// Styles shared by the register dialog's pages. Printing hides the controls (buttons, filter,
// export links) and keeps the headings and tables, so a printed page is the register or the pack.
import { makeStyles, tokens } from '@fluentui/react-components';

export const usePageStyles = makeStyles({
  page: {
    padding: tokens.spacingHorizontalL,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
  },
  tools: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    marginTop: tokens.spacingVerticalM,
  },
  noPrint: { '@media print': { display: 'none' } },
  table: { borderCollapse: 'collapse', width: '100%', marginTop: tokens.spacingVerticalM },
  caption: { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  cell: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'left',
    verticalAlign: 'top',
  },
});
