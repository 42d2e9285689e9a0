import { describe, expect, it } from 'vitest';
import { CLAIM_INFO, claimInfo, isTimeClaim } from './index';

describe('CLAIM_INFO', () => {
  it('explains the documented gateway claims', () => {
    for (const name of ['environmentId', 'environmentName', 'organizationId', 'gatewayId', 'gatewayType', 'authUrl', 'consoleUrl', 'aud', 'iss', 'iat', 'jti']) {
      expect(claimInfo(name)?.label, name).toBeTruthy();
      expect(claimInfo(name)?.description, name).toBeTruthy();
    }
  });

  it('marks secret claims so the UI masks them', () => {
    expect(claimInfo('clientSecret')?.secret).toBe(true);
    expect(claimInfo('client_secret')?.secret).toBe(true);
    expect(claimInfo('clientId')?.secret).toBeUndefined();
  });

  it('says unconfirmed names are unconfirmed', () => {
    expect(claimInfo('targetGeography')?.description).toContain('not confirmed');
  });

  it('knows nothing of prototype names: a claim called constructor or __proto__ is unknown', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(claimInfo(name)).toBeUndefined();
      expect(CLAIM_INFO[name]).toBeUndefined();
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(CLAIM_INFO)).toBe(true);
  });
});

describe('isTimeClaim', () => {
  it('is true for iat, exp, nbf only', () => {
    expect(['iat', 'exp', 'nbf'].every(isTimeClaim)).toBe(true);
    expect(['jti', 'environmentId', 'iatx', 'constructor'].some(isTimeClaim)).toBe(false);
  });
});
