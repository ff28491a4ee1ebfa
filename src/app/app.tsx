import { Badge, Container, Group, Text, Title } from '@mantine/core';
import { DEMO_ENDPOINT } from '../demo/demo-settings';
import { useConnectionField } from '../features/connection/connection-store';
import { deferred } from '../components/deferred';
import { startDemo } from './demo';
import classes from './app.module.css';
import { SettingsControl } from './header-menus';
import { RunStatus } from './run-status';
import { TryDemo } from './try-demo';
import { useSharedLinkMet } from './use-shared-link-met';
import { Workspace } from './workspace';

// Only a shared link (#view=…) needs it, and its dialog.
const SharedViewPrompt = deferred(() =>
  import('../features/connection/shared-view-prompt').then(
    ({ SharedViewPrompt }) => SharedViewPrompt,
  ),
);

export function App() {
  const endpoint = useConnectionField('endpoint');
  const onDemo = endpoint.trim().replace(/\/+$/, '') === DEMO_ENDPOINT;
  const sharedLinkMet = useSharedLinkMet();
  return (
    // Plain landmarks rather than AppShell: a sticky header needs no layout code of its own.
    <>
      <header className={classes.header}>
        <Container size="xl" h="100%">
          <div className={classes.bar}>
            <Group gap="sm" wrap="nowrap" className={classes.title}>
              <Title order={1} className={classes.name}>
                Classify Console
              </Title>
              <Text size="sm" visibleFrom="lg" className={classes.subtitle}>
                Custom text classification with Azure AI Language
              </Text>
            </Group>
            {/* In the order they are seen, left to right, so Tab follows the eye. */}
            <div className={classes.status}>
              <RunStatus />
            </div>
            <Group gap="sm" wrap="nowrap" className={classes.demo}>
              {onDemo ? (
                <Badge color="yellow" variant="filled" c="dark.9" className={classes.badge}>
                  <span className={classes.wide}>Demo service</span>
                  <span className={classes.narrow}>Demo</span>
                </Badge>
              ) : null}
              <TryDemo />
            </Group>
            <div className={classes.scheme}>
              <SettingsControl />
            </div>
          </div>
        </Container>
      </header>
      {sharedLinkMet ? (
        <SharedViewPrompt
          onApplied={(view) => {
            if (view.endpoint === DEMO_ENDPOINT) void startDemo();
          }}
        />
      ) : null}
      <main className={classes.main}>
        <Container size="xl" px={{ base: 0, sm: 'md' }}>
          <Workspace />
        </Container>
      </main>
    </>
  );
}
