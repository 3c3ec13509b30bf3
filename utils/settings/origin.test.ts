import { describe, expect, it } from 'vitest';
import { serviceOrigin } from './origin';

describe('serviceOrigin', () => {
  it('asks for exactly the scheme and host the user typed, on any port and path', () => {
    expect(serviceOrigin(' https://s3.eu-central-1.amazonaws.com/bucket/prefix ')).toEqual({
      ok: true,
      origin: 'https://s3.eu-central-1.amazonaws.com',
      pattern: 'https://s3.eu-central-1.amazonaws.com/*',
    });
    expect(serviceOrigin('http://127.0.0.1:7480')).toEqual({
      ok: true,
      origin: 'http://127.0.0.1:7480',
      pattern: 'http://127.0.0.1/*',
    });
  });

  it('refuses what is not one http(s) origin, saying what to change', () => {
    expect(serviceOrigin('s3.example.com')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('https://'),
    });
    expect(serviceOrigin('ftp://files.example.com')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('ftp'),
    });
    expect(serviceOrigin('https://key:secret@s3.example.com')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('password'),
    });
  });
});
