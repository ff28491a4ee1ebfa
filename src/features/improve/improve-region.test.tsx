// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import evaluationSingle from '../../service/fixtures/authoring-evaluation-single.json';
import { renderWithProviders } from '../../test/render';
import { forgetImproveChoices } from './improve-choices-store';
import type { SavedImprovement } from './improve-flow';
import { ImproveRegion, type ImproveItem } from './improve-region';

const endpoint = 'https://myresource.cognitiveservices.azure.com';
const P = `${endpoint}/language/authoring/analyze-text/projects/Support`;
const V = '?api-version=2023-04-01';
const SAS = 'https://acct.blob.core.windows.net/tickets?sv=2024-08-04&sr=c&sp=rwl&sig=SECRET';
const credentials = { endpoint, key: 'k' };

/** MSW reads `:name` as a path parameter; the authoring actions (`:export`, `:import`) are literal. */
const literal = (url: string) =>
  new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\?.*)?$`);

const project = {
  projectFileVersion: '2022-05-01',
  stringIndexType: 'Utf16CodeUnit',
  metadata: {
    projectKind: 'CustomSingleLabelClassification',
    storageInputContainerName: 'tickets',
    projectName: 'Support',
    language: 'en-us',
  },
  assets: {
    projectKind: 'CustomSingleLabelClassification',
    classes: [{ category: 'Billing' }, { category: 'Bug' }],
    documents: [
      { location: 'old.txt', language: 'en-us', dataset: 'Train', class: { category: 'Bug' } },
    ],
  },
};
const job = (jobId: string, status: string, extra: object = {}) => ({
  jobId,
  createdDateTime: '2026-12-06T10:00:00Z',
  lastUpdatedDateTime: '2026-12-06T10:00:01Z',
  status,
  ...extra,
});

const imported: unknown[] = [];
const blobs: string[] = [];
const server = setupServer(
  http.get(`${P}/deployments`, () =>
    HttpResponse.json({
      value: ['production', 'staging'].map((deploymentName, i) => ({
        deploymentName,
        modelId: `m${i + 1}-id`,
        lastTrainedDateTime: '2026-01-01T00:00:00Z',
        lastDeployedDateTime: '2026-01-01T00:00:00Z',
        deploymentExpirationDate: '2027-10-01',
        modelTrainingConfigVersion: '2022-05-01',
      })),
    }),
  ),
  http.get(`${P}/models`, () =>
    HttpResponse.json({
      value: [1, 2].map((i) => ({
        label: `m${i}`,
        modelId: `m${i}-id`,
        lastTrainedDateTime: '2026-01-01T00:00:00Z',
        lastTrainingDurationInSeconds: 60,
        modelExpirationDate: '2027-10-01',
        modelTrainingConfigVersion: '2022-05-01',
        hasSnapshot: true,
      })),
    }),
  ),
  http.get(
    `${endpoint}/language/authoring/analyze-text/projects/global/training-config-versions`,
    () =>
      HttpResponse.json({
        value: [
          { trainingConfigVersion: '2022-05-01', modelExpirationDate: '2027-10-01' },
          { trainingConfigVersion: '2025-01-01', modelExpirationDate: '2028-04-01' },
        ],
      }),
  ),
  http.post(
    literal(`${P}/:export`),
    () =>
      new HttpResponse(null, {
        status: 202,
        headers: { 'operation-location': `${P}/export/jobs/e1${V}` },
      }),
  ),
  http.get(`${P}/export/jobs/e1`, () =>
    HttpResponse.json(job('e1', 'succeeded', { resultUrl: `${P}/export/jobs/e1/result${V}` })),
  ),
  http.get(`${P}/export/jobs/e1/result`, () => HttpResponse.json(project)),
  http.put('https://acct.blob.core.windows.net/tickets/:name', ({ params }) => {
    blobs.push(String(params.name));
    return new HttpResponse(null, { status: 201 });
  }),
  http.post(literal(`${P}/:import`), async ({ request }) => {
    imported.push(await request.json());
    return new HttpResponse(null, {
      status: 202,
      headers: { 'operation-location': `${P}/import/jobs/i1${V}` },
    });
  }),
  http.get(`${P}/import/jobs/i1`, () => HttpResponse.json(job('i1', 'succeeded'))),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  imported.length = 0;
  blobs.length = 0;
  // The choices are kept per run across reloads: each test starts from the defaults.
  forgetImproveChoices();
});
afterAll(() => server.close());

const items: ImproveItem[] = [
  { index: 0, id: 't1', text: 'Card charged twice', labels: ['Billing'] },
  { index: 1, id: 't2', text: 'Cannot log in', labels: ['Billing'], correction: ['Login'] },
  { index: 2, id: 't3', text: 'App crashes', labels: ['Bug'] },
];

function memoryStore() {
  const saved: SavedImprovement = { steps: {} };
  return {
    saved,
    store: {
      load: () => Promise.resolve(saved),
      saveStep: (
        step: keyof SavedImprovement['steps'],
        record: NonNullable<SavedImprovement['steps']['train']>,
      ) => {
        saved.steps[step] = record;
        return Promise.resolve();
      },
      savePreviousProject: (previous: NonNullable<SavedImprovement['previousProject']>) => {
        saved.previousProject = previous;
        return Promise.resolve();
      },
    },
  };
}

function renderRegion(
  apiVersion: '2024-11-01' | 'v3.1-preview.ct.1' = '2024-11-01',
  {
    steps = {},
    previousProject,
    onRerun,
    signedOut = false,
  }: Partial<SavedImprovement> & { onRerun?: (name: string) => void; signedOut?: boolean } = {},
) {
  const { store, saved } = memoryStore();
  saved.steps = steps;
  if (previousProject) saved.previousProject = previousProject;
  renderWithProviders(
    <ImproveRegion
      run={{
        id: '3f0c2a1e-8d4b-4c7a-9e1f-0a2b3c4d5e6f',
        labelMode: 'single',
        labelled: true,
        endpoint,
        apiVersion,
        projectName: 'Support',
        deploymentName: 'production',
      }}
      items={items}
      credentials={signedOut ? undefined : credentials}
      store={store}
      {...(onRerun ? { onRerun } : {})}
    />,
  );
  return { saved, region: screen.getByRole('region', { name: 'Improve the model' }) };
}

describe('Improve the model', () => {
  it('lists the corrections, and with Include gold labels every labelled document', async () => {
    const user = userEvent.setup();
    const { region } = renderRegion();
    const toAdd = () => within(region).getByRole('table', { name: 'Documents to add' });
    expect(within(toAdd()).getAllByRole('row')).toHaveLength(2);
    expect(within(region).getByLabelText('Summary').textContent).toMatch(
      /^1 document \(1 corrected\)/,
    );
    await user.click(within(region).getByRole('checkbox', { name: /Include gold labels/ }));
    expect(within(toAdd()).getAllByRole('row')).toHaveLength(4);
    expect(toAdd().textContent).toContain('Login');
    await user.click(within(region).getByRole('radio', { name: 'Test' }));
    expect(within(region).getByLabelText('Summary').textContent).toMatch(/0 Train, 3 Test/);
    expect(within(region).getByRole('radiogroup', { name: 'Add as' })).toBeInTheDocument();
  });

  it('says the preview API cannot improve a model', () => {
    const { region } = renderRegion('v3.1-preview.ct.1');
    expect(region.textContent).toMatch(/no\s+import, training or deployment/);
    expect(within(region).queryByRole('button', { name: 'Train model' })).toBeNull();
  });

  it('reads the project, shows the changes, and imports the merge after uploading', async () => {
    const user = userEvent.setup();
    const { region, saved } = renderRegion();
    await user.click(within(region).getByRole('checkbox', { name: /Include gold labels/ }));
    await user.click(within(region).getByRole('button', { name: 'Read the project' }));
    const changes = await within(region).findByRole('table', { name: 'Changes to the project' });
    expect(within(changes).getAllByRole('row')).toHaveLength(4);
    expect(region.textContent).toMatch(/3 added, 0 relabelled, 0 unchanged/);
    expect(within(region).getByLabelText('Summary').textContent).toMatch(/1 new to the project/);
    expect(within(region).getByLabelText('New classes').textContent).toBe('new: Login');

    const add = within(region).getByRole('button', { name: 'Add to training data' });
    expect(add).toBeDisabled();
    await user.click(within(region).getByLabelText('Container SAS URL'));
    await user.paste(SAS);
    expect(region.textContent).toContain('https://acct.blob.core.windows.net/tickets?sp=rwl&sig=…');
    expect(region.textContent).not.toContain('SECRET');
    await user.click(add);
    const dialog = await screen.findByRole('dialog', { name: 'Add to training data' });
    expect(dialog.textContent).toMatch(/3 documents will be added and 0\s+relabelled/);
    await user.click(within(dialog).getByRole('button', { name: /^Import/ }));
    await within(region).findByText(
      'Imported: the project holds the merged documents.',
      undefined,
      {
        timeout: 5_000,
      },
    );
    expect(blobs).toHaveLength(3);
    expect(imported).toHaveLength(1);
    expect(JSON.stringify(imported[0])).toContain('"old.txt"');
    expect(saved.previousProject?.file).toEqual(project);
    expect(
      within(region).getByRole('button', { name: 'Download previous project file' }),
    ).toBeInTheDocument();
  }, 20_000);

  it('checks the model label before sending, and defaults to the newest training config version', async () => {
    const user = userEvent.setup();
    const { region } = renderRegion();
    const label = within(region).getByRole('textbox', { name: /Model label/ });
    await user.clear(label);
    await user.type(label, 'my model');
    await user.tab();
    expect(within(region).getByText(/may use only letters, digits/)).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: 'Train model' })).toBeDisabled();
    await waitFor(() =>
      expect(
        within(region).getByText('Models trained with it expire on 2028-04-01.'),
      ).toBeInTheDocument(),
    );
  });

  it('swaps only after the project name is typed, naming what each deployment serves', async () => {
    const user = userEvent.setup();
    const { region } = renderRegion();
    const swap = within(region).getByRole('button', { name: 'Swap deployments' });
    await waitFor(() => expect(swap).toBeEnabled());
    await user.click(swap);
    const dialog = await screen.findByRole('dialog', { name: 'Swap deployments' });
    expect(dialog.textContent).toContain('production: m1 now, m2 after.');
    expect(dialog.textContent).toContain('staging: m2 now, m1 after.');
    const confirm = within(dialog).getByRole('button', { name: 'Swap deployments' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText(/Type the project name to confirm/), 'support');
    expect(confirm).toBeDisabled();
    await user.clear(within(dialog).getByLabelText(/Type the project name to confirm/));
    await user.type(within(dialog).getByLabelText(/Type the project name to confirm/), 'Support');
    expect(within(dialog).getByLabelText(/Type the project name to confirm/)).toHaveValue(
      'Support',
    );
    expect(confirm).toBeEnabled();
  });

  it('once staging serves the new model, Rerun on staging sends these documents there', async () => {
    const user = userEvent.setup();
    const onRerun = vi.fn();
    const { region } = renderRegion('2024-11-01', {
      steps: { deploy: { state: 'succeeded', deploymentName: 'staging', modelLabel: 'm3' } },
      onRerun,
    });
    const rerun = await within(region).findByRole('button', { name: 'Rerun on staging' });
    expect(region.textContent).toContain('staging now serves m3.');
    await user.click(rerun);
    expect(onRerun).toHaveBeenCalledWith('staging');
  });

  it('after a swap, compares the new model with what production served before, not with itself', async () => {
    // production now serves m2, the model this run trained and swapped in.
    server.use(
      http.get(`${P}/deployments`, () =>
        HttpResponse.json({
          value: [
            { deploymentName: 'production', modelId: 'm2-id' },
            { deploymentName: 'staging', modelId: 'm1-id' },
          ].map((deployment) => ({
            ...deployment,
            lastTrainedDateTime: '2026-01-01T00:00:00Z',
            lastDeployedDateTime: '2026-01-01T00:00:00Z',
            deploymentExpirationDate: '2027-10-01',
            modelTrainingConfigVersion: '2022-05-01',
          })),
        }),
      ),
      http.get(`${P}/models/:label/evaluation/summary-result`, () =>
        HttpResponse.json(evaluationSingle),
      ),
    );
    const { region } = renderRegion('2024-11-01', {
      steps: {
        train: {
          state: 'succeeded',
          modelLabel: 'm2',
          baseline: { deploymentName: 'production', modelLabel: 'm1' },
        },
        swap: {
          state: 'succeeded',
          swapped: ['production', 'staging'],
          swappedModels: ['m1', 'm2'],
        },
      },
    });
    const table = await within(region).findByRole('table', { name: 'Evaluation from training' });
    const names = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.firstElementChild?.textContent);
    expect(names).toEqual(['New: m2', 'Before, on production: m1']);
    expect(region.textContent).toContain(
      'production now serves m2 (was m1); staging now serves m1.',
    );
  });

  it('offers the project file saved before the import after a reload, before the key is typed again', async () => {
    const user = userEvent.setup();
    const createObjectURL = vi
      .spyOn(URL, 'createObjectURL')
      .mockImplementation((_blob: Blob | MediaSource) => 'blob:previous');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const { region } = renderRegion('2024-11-01', {
      signedOut: true,
      steps: { import: { state: 'succeeded', jobUrl: `${P}/import/jobs/i1${V}` } },
      previousProject: { file: project, exportedAt: Date.UTC(2026, 11, 6), projectName: 'Support' },
    });
    const download = await within(region).findByRole('button', {
      name: 'Download previous project file',
    });
    await user.click(download);
    const blob = createObjectURL.mock.calls[0]?.[0];
    expect(blob).toBeInstanceOf(Blob);
    expect(JSON.parse(blob instanceof Blob ? await blob.text() : 'null')).toEqual(project);
    createObjectURL.mockRestore();
    revoke.mockRestore();
  });
});
