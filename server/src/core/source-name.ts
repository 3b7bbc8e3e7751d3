// The one spelling of a source's name lives in shared/, where the dashboard uses it too.
export { sourceDisplayName } from '@vroegsignaal/shared/source-name';
