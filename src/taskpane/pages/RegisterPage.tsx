/**
 * Register (a part of Publish): the Contracts and Grants Register as it would be published (totals by type,
 * the register's own findings, the records), "Write register", and the 360Giving export as a download,
 * placed before the records so its form and its messages stay near the top.
 */
import { Button, Text, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { RegisterView } from '../engine/protocol';
import { useWorkbench } from '../workbench';
import { PlaceMessages } from '../components/StatusArea';
import { Giving360Section } from './register/Giving360Section';
import { RegisterRecords, RegisterSummary } from './register/RegisterSummary';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export function RegisterPage() {
  const styles = useStyles();
  const workbench = useWorkbench().from('register');
  const { host, workbook, busy } = workbench;
  const [register, setRegister] = useState<RegisterView | null>(null);
  const canRun = host.kind === 'excel' || workbook !== null;

  const build = async () => {
    const view = await workbench.ask('Building the register', 'register', {});
    if (view) setRegister(view);
  };

  return (
    <section className={styles.page} aria-labelledby="register-heading">
      <Subtitle2 as="h3" id="register-heading">
        Register
      </Subtitle2>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!canRun || busy !== null} onClick={() => void build()}>
          Build register
        </Button>
        <Button disabled={!canRun || busy !== null} onClick={() => void workbench.write(['Register'])}>
          Write register
        </Button>
      </div>
      <PlaceMessages place="register" />
      {!canRun && <Text>Open a workbook (or try the sample) to build its register.</Text>}
      {register && <RegisterSummary register={register} />}
      <Giving360Section canRun={canRun} />
      {register && <RegisterRecords register={register} />}
    </section>
  );
}
