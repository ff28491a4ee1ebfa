import { AppShell, Badge, Container, Group, Text, Title } from '@mantine/core';
import { DEMO_ENDPOINT } from '../demo/demo-settings';
import { useConnectionField } from '../features/connection/connection-store';
import { SharedViewPrompt } from '../features/connection/shared-view-prompt';
import { startDemo } from './demo';
import classes from './app.module.css';
import { ColorSchemeMenu } from './color-scheme-menu';
import { TryDemo } from './try-demo';
import { Workspace } from './workspace';

export function App() {
  const endpoint = useConnectionField('endpoint');
  const onDemo = endpoint.trim().replace(/\/+$/, '') === DEMO_ENDPOINT;
  return (
    // On a phone the header takes two rows: the title and scheme, then the demo controls.
    <AppShell header={{ height: { base: 96, sm: 64 } }} padding="md">
      <AppShell.Header className={classes.header}>
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
            <div className={classes.scheme}>
              <ColorSchemeMenu />
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
          </div>
        </Container>
      </AppShell.Header>
      <SharedViewPrompt
        onApplied={(view) => {
          if (view.endpoint === DEMO_ENDPOINT) void startDemo();
        }}
      />
      <AppShell.Main>
        <Container size="xl" px={{ base: 0, sm: 'md' }}>
          <Workspace />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
