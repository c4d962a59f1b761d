import { SearchBox as FluentSearchBox, type SearchBoxProps } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

/** Fluent's SearchBox with its clear button named in the pane's language (Fluent's own name is English "clear"). */
export function SearchBox(props: Omit<SearchBoxProps, 'dismiss'>) {
  const { t } = useI18n();
  return <FluentSearchBox {...props} dismiss={{ 'aria-label': t('search.clear') }} />;
}
