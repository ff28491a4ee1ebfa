import { describe, expect, it } from 'vitest';
import { checkEndpoint } from './endpoint';

describe('checkEndpoint', () => {
  it.each([
    ['  https://myres.cognitiveservices.azure.com/  ', 'https://myres.cognitiveservices.azure.com'],
    ['https://westus.api.cognitive.microsoft.com//', 'https://westus.api.cognitive.microsoft.com'],
    ['http://localhost:4010', 'http://localhost:4010'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('accepts %j as %s', (value, endpoint) => {
    expect(checkEndpoint(value)).toEqual({ ok: true, endpoint });
  });

  it.each([
    ['', /Enter the endpoint/],
    ['myres.cognitiveservices.azure.com', /Not a web address/],
    ['http://myres.cognitiveservices.azure.com', /Use https/],
    ['http://192.168.1.10', /Use https/],
    ['ftp://myres.cognitiveservices.azure.com', /https/],
    ['https://myres.cognitiveservices.azure.com/language/analyze-text', /without a path/],
    ['https://myres.cognitiveservices.azure.com/?api-version=1', /without a path/],
    ['https://user:pw@myres.cognitiveservices.azure.com', /user name/],
  ])('refuses %j', (value, error) => {
    const check = checkEndpoint(value);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toMatch(error);
  });
});
