/**
 * Publish: what goes out of the workbook. The Register (with its 360Giving export) and the Panel report
 * are its two parts, as tabs within the page; both stay mounted, so work on one is there on return.
 */
import { Subtitle2, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { PanelReportPage } from './PanelReportPage';
import { RegisterPage } from './RegisterPage';

const PARTS = [
  { id: 'register', title: 'Register' },
  { id: 'panel', title: 'Panel report' },
] as const;
type PartId = (typeof PARTS)[number]['id'];

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

export function PublishPage() {
  const styles = useStyles();
  const [part, setPart] = useState<PartId>('register');
  return (
    <section className={styles.page} aria-labelledby="publish-heading">
      <Subtitle2 as="h2" id="publish-heading">
        Publish
      </Subtitle2>
      <TabList size="small" aria-label="Publish" selectedValue={part} onTabSelect={(_, data) => setPart(data.value as PartId)}>
        {PARTS.map(({ id, title }) => (
          <Tab key={id} id={`tab-${id}`} value={id} aria-controls={`page-${id}`}>
            {title}
          </Tab>
        ))}
      </TabList>
      <div id="page-register" role="tabpanel" aria-labelledby="tab-register" hidden={part !== 'register'}>
        <RegisterPage />
      </div>
      <div id="page-panel" role="tabpanel" aria-labelledby="tab-panel" hidden={part !== 'panel'}>
        <PanelReportPage />
      </div>
    </section>
  );
}
