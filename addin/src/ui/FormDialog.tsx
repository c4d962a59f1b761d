import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { ButtonSpinner } from './ButtonSpinner';
import { ReturnFocusWhenGone, useDialogFocus } from './useDialogFocus';

const useStyles = makeStyles({
  // Opened over another dialog too: its backdrop dims that one (Fluent leaves a nested dialog's backdrop clear).
  backdrop: { backgroundColor: tokens.colorBackgroundOverlay },
  // In a short window the content scrolls; its parts keep their height (a multiline message bar would be squeezed).
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, '& > *': { flexShrink: 0 } },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
});

// Griffel needs every class up front; the window's edge keeps 16px free on either side.
const useWidthStyles = makeStyles({
  440: { maxWidth: 'min(440px, calc(100vw - 32px))' },
  480: { maxWidth: 'min(480px, calc(100vw - 32px))' },
  520: { maxWidth: 'min(520px, calc(100vw - 32px))' },
  560: { maxWidth: 'min(560px, calc(100vw - 32px))' },
  600: { maxWidth: 'min(600px, calc(100vw - 32px))' },
  760: { maxWidth: 'min(760px, calc(100vw - 32px))' },
});

/** How wide a dialog may grow, in CSS pixels. */
export type DialogWidth = 440 | 480 | 520 | 560 | 600 | 760;

/** The buttons: Save-like and Cancel with the form's Enter, or the caller's own (with no form around them). */
type Buttons =
  | {
      submitLabel: string;
      /** The primary button and Enter in a field; the browser's own submit never happens. */
      onSubmit: () => void;
      /** Besides while busy. */
      submitDisabled?: boolean;
      /** 'Cancel' unless said otherwise. */
      cancelLabel?: string;
      actions?: never;
    }
  | { actions: ReactNode; submitLabel?: never; onSubmit?: never; submitDisabled?: never; cancelLabel?: never };

/**
 * The shell every dialog of the add-in shares: title, a column of content, buttons. While `busy` the service is at
 * work: Escape and a click outside do nothing, and the Save/Cancel pair is disabled with the primary one spinning.
 * `problem` (a refusal, or with intent 'warning' an outcome to look at) stands above the caller's content and is
 * announced.
 */
export function FormDialog({
  open,
  title,
  width,
  modalType = 'modal',
  busy = false,
  onCancel,
  intro,
  problem,
  problemIntent = 'error',
  problemLayout = 'multiline',
  className,
  contentClassName,
  children,
  ...buttons
}: {
  open: boolean;
  title: ReactNode;
  width: DialogWidth;
  /** 'alert' for a question that must be answered: a click outside does not dismiss it. */
  modalType?: 'modal' | 'alert';
  busy?: boolean;
  /** Escape, a click outside, and Cancel. */
  onCancel: () => void;
  /** Muted paragraphs at the top. */
  intro?: string | readonly string[];
  problem?: string;
  problemIntent?: 'error' | 'warning';
  /** 'auto' keeps a short message on one line (Fluent's default). */
  problemLayout?: 'multiline' | 'auto';
  /** Extra classes for the surface and for the content column. */
  className?: string;
  contentClassName?: string;
  children?: ReactNode;
} & Buttons) {
  const styles = useStyles();
  const widths = useWidthStyles();
  const { t } = useI18n();
  const { opener, keepFocusInside } = useDialogFocus(open);

  const body = (
    <DialogBody>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent className={mergeClasses(styles.content, contentClassName)}>
        {(typeof intro === 'string' ? [intro] : (intro ?? [])).map((text, index) => (
          <p key={index} className={styles.intro}>
            {text}
          </p>
        ))}
        {problem !== undefined && (
          <MessageBar intent={problemIntent} role="alert" layout={problemLayout}>
            <MessageBarBody>{problem}</MessageBarBody>
          </MessageBar>
        )}
        {children}
      </DialogContent>
      <DialogActions>
        {buttons.onSubmit === undefined ? (
          buttons.actions
        ) : (
          <>
            {/* While busy the buttons stay focusable, so the focus stays where the person pressed. */}
            <Button
              type="submit"
              appearance="primary"
              disabled={!busy && buttons.submitDisabled === true}
              disabledFocusable={busy}
              icon={busy ? <ButtonSpinner /> : undefined}
            >
              {buttons.submitLabel}
            </Button>
            <Button onClick={onCancel} disabledFocusable={busy}>
              {buttons.cancelLabel ?? t('common.cancel')}
            </Button>
          </>
        )}
      </DialogActions>
    </DialogBody>
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Enter in a field submits even while the primary button is only marked disabled.
    if (busy || buttons.submitDisabled === true) return;
    buttons.onSubmit?.();
  };

  return (
    <Dialog open={open} onOpenChange={(_event, data) => !busy && !data.open && onCancel()} modalType={modalType}>
      <DialogSurface
        className={mergeClasses(widths[width], className)}
        backdrop={{ className: styles.backdrop }}
        onBlur={keepFocusInside}
      >
        <ReturnFocusWhenGone opener={opener} />
        {buttons.onSubmit ? (
          <form onSubmit={submit} noValidate>
            {body}
          </form>
        ) : (
          body
        )}
      </DialogSurface>
    </Dialog>
  );
}
