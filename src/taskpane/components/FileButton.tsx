/**
 * A file input that looks and works like a Fluent button: the label is the visible button, the input stays
 * in the page (focusable, named by the label) but hidden. "Open workbook" and "Use a model file" share it.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId, type ChangeEvent } from 'react';

const useStyles = makeStyles({
  input: { position: 'absolute', width: '1px', height: '1px', opacity: 0, overflow: 'hidden' },
  label: {
    display: 'inline-flex',
    alignItems: 'center',
    boxSizing: 'border-box',
    minHeight: '32px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-within': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  // As a Fluent small button: for the compact header.
  small: {
    minHeight: '24px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightRegular,
    borderRadius: tokens.borderRadiusSmall,
  },
  disabled: { opacity: 0.5, cursor: 'not-allowed' },
});

interface FileButtonProps {
  readonly label: string;
  /** The input's accept list: ".xlsx,…". */
  readonly accept: string;
  readonly onFile: (file: File) => void;
  readonly disabled?: boolean;
  readonly size?: 'small' | 'medium';
}

export function FileButton({ label, accept, onFile, disabled = false, size = 'medium' }: FileButtonProps) {
  const styles = useStyles();
  const inputId = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again is a change too.
    event.target.value = '';
    if (file) onFile(file);
  };
  return (
    <label htmlFor={inputId} className={mergeClasses(styles.label, size === 'small' && styles.small, disabled && styles.disabled)}>
      {label}
      <input id={inputId} className={styles.input} type="file" accept={accept} disabled={disabled} onChange={onChange} />
    </label>
  );
}
