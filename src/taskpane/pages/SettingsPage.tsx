/**
 * Settings: display unit and decimals, rounding policy and RAG thresholds. They start as the model's;
 * saved ones go with the workbook (in Excel) or stay in this browser (outside), and apply to every
 * page and every sheet the pane writes.
 */
import { Button, Field, Radio, RadioGroup, Select, Text, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Money } from '../../money/decimal';
import { formatAmount } from '../../money/format';
import { UNIT_IDS, UNITS } from '../../money/units';
import type { RoundingPolicy, UnitId } from '../../model/types';
import { ragDraftOf, RagFields, type RagDraft } from '../components/RagFields';
import { MAX_DISPLAY_DECIMALS, ragFromInputs, sameSettings, settingsOf, type PaneSettings, type RagKey } from '../settings';
import { useWorkbench } from '../workbench';

const EXAMPLE = new Money('1234567.89');

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  pair: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))', columnGap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  example: { color: tokens.colorNeutralForeground2 },
});

export function SettingsPage() {
  const styles = useStyles();
  const { host, settings, settingsSaved, modelInUse, saveSettings, busy } = useWorkbench();
  const [unit, setUnit] = useState<UnitId>(settings.displayUnit);
  const [decimals, setDecimals] = useState(settings.displayDecimals);
  const [rounding, setRounding] = useState<RoundingPolicy>(settings.roundingPolicy);
  const [rag, setRag] = useState<RagDraft>(() => ragDraftOf(settings.rag));
  const [problems, setProblems] = useState<Partial<Record<RagKey, string>>>({});

  const modelSettings = settingsOf(modelInUse.model);
  const reset = () => {
    setUnit(modelSettings.displayUnit);
    setDecimals(modelSettings.displayDecimals);
    setRounding(modelSettings.roundingPolicy);
    setRag(ragDraftOf(modelSettings.rag));
    setProblems({});
    void saveSettings(null);
  };

  const save = () => {
    const read = ragFromInputs(rag);
    setProblems(read.problems);
    if (!read.rag) return;
    const next: PaneSettings = { displayUnit: unit, displayDecimals: decimals, roundingPolicy: rounding, rag: read.rag };
    // Settings equal to the model's own are not worth keeping: the model may change later.
    void saveSettings(sameSettings(next, modelSettings) ? null : next);
  };

  return (
    <section className={styles.page} aria-labelledby="settings-heading">
      <Subtitle2 as="h2" id="settings-heading">
        Settings
      </Subtitle2>
      <Text size={200}>
        {settingsSaved ? `Your settings, saved ${host.settingsPlace}, are in effect.` : "The model's own settings are in effect."} Saved settings are kept{' '}
        {host.settingsPlace}.
      </Text>
      <div className={styles.pair}>
        <Field label="Display unit">
          <Select value={unit} onChange={(_, data) => setUnit(data.value as UnitId)}>
            {UNIT_IDS.map((id) => (
              <option key={id} value={id}>
                {id} ({UNITS[id].label})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Decimal places">
          <Select value={String(decimals)} onChange={(_, data) => setDecimals(Number(data.value))}>
            {Array.from({ length: MAX_DISPLAY_DECIMALS + 1 }, (_, n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Text className={styles.example} aria-live="polite">
        £1,234,567.89 shows as {formatAmount(EXAMPLE, { unit, decimals })}
      </Text>
      <Field label="Rounding in published tables">
        <RadioGroup value={rounding} onChange={(_, data) => setRounding(data.value as RoundingPolicy)}>
          <Radio value="as-stated" label="Round each figure (totals may not add up; a footnote says so)" />
          <Radio value="largest-remainder" label="Make figures add up to the rounded total (largest remainder)" />
        </RadioGroup>
      </Field>
      <RagFields draft={rag} onChange={setRag} problems={problems} />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy !== null} onClick={save}>
          Save settings
        </Button>
        <Button disabled={busy !== null} onClick={reset}>
          Use the model's settings
        </Button>
      </div>
    </section>
  );
}
