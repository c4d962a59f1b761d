import { Spinner, type SpinnerProps } from '@fluentui/react-components';

/**
 * The spinner a button shows in place of its icon while its action runs. The button's own label names the action,
 * so the spinner is hidden from assistive technology: a nameless progressbar inside a button is an axe finding, and
 * a named one would be read as part of the button's name.
 */
export function ButtonSpinner({ size = 'tiny' }: { size?: SpinnerProps['size'] }) {
  return <Spinner size={size} aria-hidden="true" />;
}
