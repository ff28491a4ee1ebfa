import { describe, expect, it } from 'vitest';
import { checkEndpoint, isAzureAiHost, isNormalisedEndpoint } from './endpoint';

describe('checkEndpoint', () => {
  it.each([
    ['  https://myres.cognitiveservices.azure.com/  ', 'https://myres.cognitiveservices.azure.com'],
    ['https://westus.api.cognitive.microsoft.com', 'https://westus.api.cognitive.microsoft.com'],
    ['http://localhost:4010', 'http://localhost:4010'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
    ['https://localhost:8443', 'https://localhost:8443'],
    // CLASSIFY_CONNECT_SRC allows https origins on other domains and ports.
    ['https://api.contoso.com:8443', 'https://api.contoso.com:8443'],
    ['https://xn--bcher-kva.example', 'https://xn--bcher-kva.example'],
    ['https://10.1.2.3', 'https://10.1.2.3'],
  ])('accepts %j as %s', (value, endpoint) => {
    expect(checkEndpoint(value)).toEqual({ ok: true, endpoint });
  });

  it.each([
    ['HTTPS://MyRes.CognitiveServices.Azure.COM', 'https://myres.cognitiveservices.azure.com'],
    ['https://myres.cognitiveservices.azure.com.', 'https://myres.cognitiveservices.azure.com'],
    [
      'https://myres.cognitiveservices.azure.com.:443/',
      'https://myres.cognitiveservices.azure.com',
    ],
    ['http://LOCALHOST:80', 'http://localhost'],
  ])('normalises %j to %s (lower case, no trailing dot, no default port)', (value, endpoint) => {
    expect(checkEndpoint(value)).toEqual({ ok: true, endpoint });
  });

  it.each([
    ['', /Enter the endpoint/],
    ['myres.cognitiveservices.azure.com', /Not a web address/],
    ['http://myres.cognitiveservices.azure.com', /Use https/],
    ['http://192.168.1.10', /Use https/],
    ['ftp://myres.cognitiveservices.azure.com', /https/],
    ['javascript:alert(1)', /https/],
    ['https:myres.cognitiveservices.azure.com', /Not a web address/],
    ['https://myres.cognitiveservices.azure.com/language/analyze-text', /this one has a path/],
    ['https://myres.cognitiveservices.azure.com//', /this one has a path/],
    ['https://myres.cognitiveservices.azure.com/?api-version=1', /this one has a path/],
    ['https://myres.cognitiveservices.azure.com?api-version=1', /this one has a query/],
    ['https://myres.cognitiveservices.azure.com#x', /this one has a fragment/],
    ['https://myres.cognitiveservices.azure.com\\evil', /this one has a path/],
    ['https://user:pw@myres.cognitiveservices.azure.com', /user name/],
    ['https://myres.cognitiveservices.azure.com@evil.example', /user name/],
    // curl expands braces: this one sent the key to …azure.com.evil.example.
    ['https://contoso-language.cognitiveservices.azure.com{,.evil.example}', /“\{”, “,”, “\}”/],
    ['https://a,b.cognitiveservices.azure.com', /“,”/],
    ['https://my res.cognitiveservices.azure.com', /“ ”/],
    ['https://myres.cognitiveservices.azure.com%2eevil.example', /“%”/],
    ['https://bücher.example', /xn--/],
    ['https://myres..cognitiveservices.azure.com', /empty part/],
    ['https://.cognitiveservices.azure.com', /empty part/],
    ['https://-myres.cognitiveservices.azure.com', /hyphen/],
    ['https://myres-.cognitiveservices.azure.com', /hyphen/],
    [`https://${'a'.repeat(64)}.cognitiveservices.azure.com`, /63 characters/],
    [`https://${'abcdefghi.'.repeat(26)}com`, /253 characters/],
    ['https://myres.cognitiveservices.azure.com:', /port/],
    ['https://myres.cognitiveservices.azure.com:0443', /port/],
    ['https://myres.cognitiveservices.azure.com:70000', /65535/],
    ['http://127.1:4010', /four numbers/],
    ['http://2130706433', /four numbers/],
    ['https://0x7f.1', /four numbers/],
    ['https://evil.0x7f', /four numbers/],
    ['https://[::ffff:127.0.0.1]', /IPv6/],
    ['https://[::1', /colon or a bracket/],
  ])('refuses %j with a reason', (value, error) => {
    const check = checkEndpoint(value);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error).toMatch(error);
  });
});

describe('isNormalisedEndpoint', () => {
  it('holds for the normalised origin only', () => {
    expect(isNormalisedEndpoint('https://myres.cognitiveservices.azure.com')).toBe(true);
    expect(isNormalisedEndpoint('https://myres.cognitiveservices.azure.com/')).toBe(false);
    expect(isNormalisedEndpoint('https://MyRes.cognitiveservices.azure.com')).toBe(false);
    expect(
      isNormalisedEndpoint('https://contoso-language.cognitiveservices.azure.com{,.evil.example}'),
    ).toBe(false);
  });
});

describe('isAzureAiHost', () => {
  it('knows the Azure AI service domains and nothing that ends like them', () => {
    expect(isAzureAiHost('myres.cognitiveservices.azure.com')).toBe(true);
    expect(isAzureAiHost('westus.api.cognitive.microsoft.com')).toBe(true);
    expect(isAzureAiHost('cognitiveservices.azure.com')).toBe(false);
    expect(isAzureAiHost('myres.cognitiveservices.azure.com.evil.example')).toBe(false);
    expect(isAzureAiHost('evilcognitiveservices.azure.com')).toBe(false);
  });
});
