// A MessageBar title on its own line: Fluent's title runs into the text after it otherwise.
import { MessageBarTitle, makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({ block: { display: 'block' } });

export function BarTitle({ children }: { children: ReactNode }) {
  return <MessageBarTitle className={useStyles().block}>{children}</MessageBarTitle>;
}
