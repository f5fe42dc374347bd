/**
 * Settings: display unit and decimals, rounding policy and RAG thresholds. They start as the model's;
 * saved ones go with the workbook (in Excel) or stay in this browser (outside), and apply to every
 * page and every sheet the pane writes.
 */
import { Button, Field, Radio, RadioGroup, Select, Text, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { MAX_DISPLAY_DECIMALS } from '../../app/settings';
import { Money } from '../../money/decimal';
import { formatAmount, type NegativeStyle } from '../../money/format';
import { UNIT_IDS, UNITS } from '../../money/units';
import type { RoundingPolicy } from '../../model/types';
import type { UnitId } from '../../money/units';
import { RagFields } from '../components/RagFields';
import { PlaceMessages } from '../components/StatusArea';
import { useWorkbench } from '../workbench';
import { useSettingsForm, type SettingsForm } from './settings/useSettingsForm';

const EXAMPLE = new Money('1234567.89');
const NEGATIVE_EXAMPLE = new Money('-1234567.89');

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))', columnGap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  example: { color: tokens.colorNeutralForeground2 },
});

export function SettingsPage() {
  const styles = useStyles();
  const { host, settingsSaved, busy } = useWorkbench();
  const form = useSettingsForm();
  return (
    <section className={styles.page} aria-labelledby="settings-heading">
      <Subtitle2 as="h2" id="settings-heading" tabIndex={-1}>
        Settings
      </Subtitle2>
      <Text size={200}>
        {settingsSaved ? `Your settings, saved ${host.settingsPlace}, are in effect.` : "The model's own settings are in effect."} Saved settings are kept{' '}
        {host.settingsPlace}.
      </Text>
      <DisplayFields form={form} />
      <Field label="Rounding in published tables">
        <RadioGroup value={form.rounding} onChange={(_, data) => form.setRounding(data.value as RoundingPolicy)}>
          <Radio value="as-stated" label="Round each figure (totals may not add up; a footnote says so)" />
          <Radio value="largest-remainder" label="Make figures add up to the rounded total (largest remainder)" />
        </RadioGroup>
      </Field>
      <NegativesField form={form} />
      <RagFields draft={form.rag} onChange={form.setRag} onBlur={form.checkRag} problems={form.problems} />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy !== null} onClick={form.save}>
          Save settings
        </Button>
        <Button disabled={busy !== null} onClick={form.reset}>
          Use the model's settings
        </Button>
      </div>
      <PlaceMessages place="settings" />
    </section>
  );
}

/** Negative amounts with a minus or in brackets, each choice showing a figure as it would look. */
function NegativesField({ form }: { readonly form: SettingsForm }) {
  const example = (negative: NegativeStyle) => formatAmount(NEGATIVE_EXAMPLE, { unit: form.unit, decimals: form.decimals, negative });
  return (
    <Field label="Negative amounts">
      <RadioGroup layout="horizontal" value={form.negatives} onChange={(_, data) => form.setNegatives(data.value as NegativeStyle)}>
        <Radio value="minus" label={`With a minus: ${example('minus')}`} />
        <Radio value="brackets" label={`In brackets: ${example('brackets')}`} />
      </RadioGroup>
    </Field>
  );
}

/** Display unit and decimal places, with an example of a figure as they would show it. */
function DisplayFields({ form }: { readonly form: SettingsForm }) {
  const styles = useStyles();
  const { unit, decimals } = form;
  return (
    <>
      <div className={styles.pair}>
        <Field label="Display unit">
          <Select value={unit} onChange={(_, data) => form.setUnit(data.value as UnitId)}>
            {UNIT_IDS.map((id) => (
              <option key={id} value={id}>
                {id} ({UNITS[id].label})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Decimal places">
          <Select value={String(decimals)} onChange={(_, data) => form.setDecimals(Number(data.value))}>
            {Array.from({ length: MAX_DISPLAY_DECIMALS + 1 }, (_, n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Text className={styles.example} aria-live="polite">
        £1,234,567.89 shows as {formatAmount(EXAMPLE, { unit, decimals, negative: form.negatives })}
      </Text>
    </>
  );
}
