import { describe, expect, it } from 'vitest';
import { curlSnippet, shellQuote } from './curl-snippet';
import { fetchSnippet } from './fetch-snippet';
import { pythonLiteral, pythonSnippet } from './python-snippet';
import { snippetRequest } from './snippet-request';
import type { JobInput } from '../../service/model';

const input: JobInput = {
  endpoint: 'https://myres.cognitiveservices.azure.com',
  apiVersion: '2023-04-01',
  labelMode: 'single',
  projectName: 'SupportTickets',
  deploymentName: 'production',
  modelId: '',
  language: 'en',
  jobName: '',
  documents: [{ id: 'doc1', text: `It's "broken" $HOME \`whoami\`\nCLASSIFY_REQUEST_BODY` }],
};

const many: JobInput = {
  ...input,
  documents: Array.from({ length: 30 }, (_, index) => ({ id: `d${index}`, text: `text ${index}` })),
};

describe('snippetRequest', () => {
  it('is what the app sends, cut to the first 25 documents', () => {
    const snippet = snippetRequest(many, 'key');
    expect(snippet.request.url).toBe(
      'https://myres.cognitiveservices.azure.com/language/analyze-text/jobs?api-version=2023-04-01',
    );
    expect(snippet).toMatchObject({ sentDocuments: 25, totalDocuments: 30 });
    expect(JSON.stringify(snippet.request.body)).toContain('"d24"');
    expect(JSON.stringify(snippet.request.body)).not.toContain('"d25"');
  });

  it('says when documents were left out', () => {
    for (const build of [curlSnippet, fetchSnippet, pythonSnippet]) {
      expect(build(snippetRequest(many, 'key'))).toContain(
        'Only the first 25 of 30 documents are included',
      );
      expect(build(snippetRequest(input, 'key'))).not.toContain('Only the first');
    }
  });
});

describe('the snippets', () => {
  it.each([
    ['cURL', curlSnippet, '$LANGUAGE_KEY', '$LANGUAGE_TOKEN'],
    ['fetch', fetchSnippet, 'process.env.LANGUAGE_KEY', 'process.env.LANGUAGE_TOKEN'],
    ['Python', pythonSnippet, 'os.environ["LANGUAGE_KEY"]', 'os.environ["LANGUAGE_TOKEN"]'],
  ])('%s reads the key or the token from the environment', (_name, build, key, token) => {
    const withKey = build(snippetRequest(input, 'key'));
    expect(withKey).toContain(key);
    expect(withKey).toContain('Ocp-Apim-Subscription-Key');
    expect(withKey).not.toContain('Bearer');
    const withToken = build(snippetRequest(input, 'bearer'));
    expect(withToken).toContain(token);
    expect(withToken).toContain('Bearer');
    expect(withToken).not.toContain('Ocp-Apim-Subscription-Key');
  });

  it('uses the preview request for the preview API', () => {
    const preview = snippetRequest(
      { ...input, apiVersion: 'v3.1-preview.ct.1', modelId: 'm_SingleClassification_latest' },
      'key',
    );
    expect(curlSnippet(preview)).toContain('/text/analytics/v3.1-preview.ct.1/analyze');
    expect(curlSnippet(preview)).toContain('"customClassificationTasks"');
  });

  it('keeps the body in a quoted here-doc, so the shell expands nothing', () => {
    const script = curlSnippet(snippetRequest(input, 'key'));
    expect(script).toContain("--data-binary @- <<'CLASSIFY_REQUEST_BODY'");
    // The delimiter inside a document is escaped JSON on an indented line, never a line of its own.
    expect(script.split('\n').filter((line) => line === 'CLASSIFY_REQUEST_BODY')).toHaveLength(1);
  });
});

describe('shellQuote', () => {
  it('single-quotes, closing the quote around a quote', () => {
    expect(shellQuote(`a'b $c`)).toBe(`'a'\\''b $c'`);
  });
});

describe('pythonLiteral', () => {
  it('writes JSON values as Python', () => {
    expect(pythonLiteral({ a: [true, false, null, 1.5, 'x"\n'], b: {}, c: [] })).toBe(
      '{\n    "a": [\n        True,\n        False,\n        None,\n        1.5,\n        "x\\"\\n",\n    ],\n    "b": {},\n    "c": [],\n}',
    );
  });
});

describe('snippets that cannot be turned against their user', () => {
  it.each([
    'https://contoso-language.cognitiveservices.azure.com{,.evil.example}',
    'https://myres.cognitiveservices.azure.com/',
    'https://MyRes.cognitiveservices.azure.com',
    'https://myres.cognitiveservices.azure.com.',
    'https://evil.example@myres.cognitiveservices.azure.com',
  ])('are never built for an endpoint that is not a checked origin: %s', (endpoint) => {
    expect(() => snippetRequest({ ...input, endpoint }, 'key')).toThrow(/Not a checked endpoint/);
  });

  it.each(['key', 'bearer'] as const)(
    'cURL (%s): every curl call has --globoff and takes the secret from a file descriptor',
    (auth) => {
      const script = curlSnippet(snippetRequest(input, auth));
      // A call continued over lines with a backslash is one call.
      const calls = script
        .replace(/\\\n/g, ' ')
        .split('\n')
        .filter((line) => /\bcurl\b/.test(line) && !line.startsWith('#'));
      expect(calls.length).toBeGreaterThanOrEqual(3);
      for (const call of calls) {
        expect(call).toContain('curl --globoff');
        expect(call).toContain('-H @<(auth_header)');
        expect(call).not.toMatch(/LANGUAGE_(KEY|TOKEN)/);
      }
      expect(script).toContain(
        auth === 'key'
          ? `auth_header() { printf 'Ocp-Apim-Subscription-Key: %s\\n' "$LANGUAGE_KEY"; }`
          : `auth_header() { printf 'Authorization: Bearer %s\\n' "$LANGUAGE_TOKEN"; }`,
      );
    },
  );

  it('cURL: runs in a subshell, so set -eu ends with it', () => {
    const lines = curlSnippet(snippetRequest(input, 'key')).trimEnd().split('\n');
    const open = lines.indexOf('(');
    expect(open).toBeGreaterThan(0);
    expect(lines[open + 1]).toBe('set -eu');
    expect(lines.at(-1)).toBe(')');
    expect(lines.slice(0, open).every((line) => line.startsWith('#'))).toBe(true);
  });

  it.each([
    ['cURL', curlSnippet],
    ['fetch', fetchSnippet],
    ['Python', pythonSnippet],
  ])('%s says how to set the secret without shell history', (_name, build) => {
    expect(build(snippetRequest(input, 'key'))).toContain(
      'read -rs LANGUAGE_KEY && export LANGUAGE_KEY',
    );
  });
});
