import { AppShell, Badge, Container, Group, Text, Title } from '@mantine/core';
import { DEMO_ENDPOINT } from '../demo/demo-settings';
import { useConnectionField } from '../features/connection/connection-store';
import { TryDemo } from './try-demo';
import { Workspace } from './workspace';

export function App() {
  const endpoint = useConnectionField('endpoint');
  const onDemo = endpoint.trim().replace(/\/+$/, '') === DEMO_ENDPOINT;
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header bg="blue.7" c="white">
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Title order={1} size="h3">
                Classify Console
              </Title>
              <Text size="sm" visibleFrom="sm" c="blue.1">
                Custom text classification with Azure AI Language
              </Text>
              {onDemo ? (
                <Badge color="yellow" variant="filled" c="dark">
                  Demo service
                </Badge>
              ) : null}
            </Group>
            <TryDemo />
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl">
          <Workspace />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
