/** The register in the 360Giving Data Standard: the form, the ways to take the export away, and what it holds. */
import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { PlaceMessages } from '../../components/StatusArea';
import type { Giving360Result } from '../../engine/protocol';
import { plural } from '../../format';
import { useWorkbench } from '../../workbench';
import { useGiving360Export, type ExportFormat, type Giving360Export } from './useGiving360Export';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalM,
  },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  errors: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function Giving360Section({ canRun }: { readonly canRun: boolean }) {
  const styles = useStyles();
  const { busy } = useWorkbench();
  const giving = useGiving360Export();
  const { canDownload, exported } = giving;
  return (
    <section className={styles.section} aria-labelledby="giving360-heading">
      <h4 id="giving360-heading" className={styles.h3}>
        360Giving export
      </h4>
      <Text size={200}>The register in the 360Giving Data Standard, checked against its schema before you get the file.</Text>
      <ExportFields giving={giving} />
      <div className={styles.actions}>
        {/* Never disabled for a missing or wrong prefix: pressing it says what is wrong, under the prefix just above. */}
        <Button disabled={!canRun || busy !== null} onClick={() => void giving.exportGrants()}>
          {canDownload ? 'Download 360Giving export' : 'Prepare 360Giving export'}
        </Button>
      </div>
      <PlaceMessages place="giving360" />
      {!canDownload && (
        <Text size={200}>
          Excel for Mac and for iPad do not save downloads from the pane: prepare the export, then copy it to the clipboard and paste it into a file.
        </Text>
      )}
      {exported && <ExportActions giving={giving} exported={exported} />}
      {exported && <ExportSummary exported={exported} />}
    </section>
  );
}

/** The format and funder first, the prefix last: its problem, if any, shows just above the button that found it. */
function ExportFields({ giving }: { readonly giving: Giving360Export }) {
  const { model } = useWorkbench();
  const problem = giving.prefixProblem;
  return (
    <>
      <Field label="Format">
        <RadioGroup layout="horizontal" value={giving.format} onChange={(_, data) => giving.setFormat(data.value as ExportFormat)}>
          <Radio value="json" label="JSON package" />
          <Radio value="csv" label="CSV" />
        </RadioGroup>
      </Field>
      <Field label="Funding organisation id (optional)" hint={`Default: ${model.organisation.orgId}, from the model.`}>
        <Input value={giving.funderId} onChange={(_, data) => giving.setFunderId(data.value)} />
      </Field>
      <Field
        label="360Giving prefix"
        required
        {...(problem
          ? { validationMessage: problem, validationState: 'error' as const }
          : { hint: "Your organisation's registered prefix, such as 360G-mopac." })}
      >
        <Input
          input={{ ref: giving.prefixInput }}
          value={giving.prefix}
          placeholder="360G-…"
          onChange={(_, data) => giving.setPrefix(data.value)}
          onBlur={giving.checkPrefix}
        />
      </Field>
    </>
  );
}

function ExportActions({ giving, exported }: { readonly giving: Giving360Export; readonly exported: Giving360Result }) {
  const styles = useStyles();
  const copy = () => void giving.copyExport();
  return (
    <div className={styles.actions}>
      {/* The route that works here comes first; both need the click itself (the clipboard needs the user's gesture). */}
      {giving.canDownload ? (
        <>
          <Button onClick={giving.downloadExport}>Download {exported.fileName} again</Button>
          <Button onClick={copy}>Copy to clipboard</Button>
        </>
      ) : (
        <>
          <Button onClick={copy}>Copy to clipboard</Button>
          <Button onClick={giving.downloadExport}>Download {exported.fileName}</Button>
        </>
      )}
    </div>
  );
}

function ExportSummary({ exported }: { readonly exported: Giving360Result }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label="Export summary">
      <li>
        {exported.fileName}: {plural(exported.grants, 'grant')} worth {exported.total}.
      </li>
      {exported.registerErrors > 0 && <li className={styles.errors}>The register has {plural(exported.registerErrors, 'error')}: fix before publishing.</li>}
      {exported.skipped.length > 0 && <li>Left out: {exported.skipped.map((s) => `${s.ref} (${s.where ? `${s.where}: ` : ''}${s.reason})`).join('; ')}.</li>}
      {exported.internalOrganisations.length > 0 && (
        <li>
          {plural(exported.internalOrganisations.length, 'recipient')} need a real org-id: {exported.internalOrganisations.join('; ')}.
        </li>
      )}
      {exported.funderIdProblem && <li>The funding organisation id {exported.funderIdProblem}.</li>}
    </ul>
  );
}
