// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PROFILES, type ModelField } from '../../service/api-profiles';
import { renderWithProviders } from '../../test/render';
import { ConnectionForm } from './connection-form';
import { applyConnectionSettings, EMPTY_CONNECTION } from './connection-store';

afterEach(cleanup);
beforeEach(() => applyConnectionSettings(EMPTY_CONNECTION));

const FIELD_LABELS: [ModelField, RegExp][] = [
  ['projectName', /^Project name/],
  ['deploymentName', /^Deployment name/],
  ['modelId', /^Model ID/],
];

describe('ConnectionForm', () => {
  it('offers every API profile in the version picker, with its label', () => {
    renderWithProviders(<ConnectionForm errors={{}} />);
    const options = screen
      .getByRole('combobox', { name: 'API version' })
      .querySelectorAll('option');
    expect([...options].map((option) => [option.value, option.textContent])).toEqual(
      API_PROFILES.map((profile) => [profile.version, profile.label]),
    );
  });

  it('groups the previews apart, so the picker says which versions are previews', () => {
    renderWithProviders(<ConnectionForm errors={{}} />);
    const picker = screen.getByRole('combobox', { name: 'API version' });
    const groups = [...picker.querySelectorAll('optgroup')].map((group) => [
      group.label,
      [...group.querySelectorAll('option')].map((option) => option.value),
    ]);
    expect(groups).toEqual([
      ['Generally available', ['2025-11-01', '2024-11-01', '2023-04-01', '2022-05-01']],
      [
        'Preview',
        ['2025-11-15-preview', '2025-05-15-preview', '2024-11-15-preview', 'v3.1-preview.ct.1'],
      ],
    ]);
    // A fresh form is on the default, and says what the chosen version adds.
    expect(picker).toHaveProperty('value', '2024-11-01');
    expect(picker).toHaveAccessibleDescription(/newest GA version in the public REST reference/);
  });

  it('says the language becomes the default for detection on the previews that detect', () => {
    applyConnectionSettings({ apiVersion: '2025-11-15-preview' });
    renderWithProviders(<ConnectionForm errors={{}} />);
    expect(screen.getByRole('textbox', { name: 'Language' })).toHaveAccessibleDescription(
      /detects each document’s language/,
    );
  });

  it.each(API_PROFILES.map((profile) => [profile.version, profile] as const))(
    'shows the model fields profile %s names, and only those',
    (version, profile) => {
      applyConnectionSettings({ apiVersion: version });
      renderWithProviders(<ConnectionForm errors={{}} />);
      const named = new Map(profile.model.fields.map(({ name, required }) => [name, required]));
      for (const [field, label] of FIELD_LABELS) {
        const required = named.get(field);
        // Project and deployment names are comboboxes that suggest what the resource has.
        const input =
          screen.queryByRole('textbox', { name: label }) ??
          screen.queryByRole('combobox', { name: label });
        if (required === undefined) {
          expect(input).toBeNull();
        } else {
          expect(input).not.toBeNull();
          expect(input?.hasAttribute('required')).toBe(required);
        }
      }
    },
  );
});
