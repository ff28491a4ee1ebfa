import { deferred } from '../components/deferred';
import { MoreDemosTrigger, NOT_READY, SettingsTrigger } from './menu-triggers';

// The header's menus and dialog need Mantine's Menu, Popover and Modal: chunks of their own,
// loaded after the first paint, with their trigger buttons standing in until then.

export const SettingsControl = deferred(
  () => import('./settings-menu').then(({ SettingsMenu }) => SettingsMenu),
  () => <SettingsTrigger {...NOT_READY} />,
);

export const MoreDemos = deferred(
  () => import('./more-demos-menu').then(({ MoreDemosMenu }) => MoreDemosMenu),
  () => <MoreDemosTrigger {...NOT_READY} />,
);

export const ReplaceWithDemo = deferred(() =>
  import('./replace-with-demo-dialog').then(({ ReplaceWithDemoDialog }) => ReplaceWithDemoDialog),
);
