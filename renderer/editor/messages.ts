import { useI18n } from '../i18n/I18n.js';

/** The editor's words come from the shared catalogue (keys `editor.*`). */
export function useEditorT(): ReturnType<typeof useI18n>['t'] {
  return useI18n().t;
}
