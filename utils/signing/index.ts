export * from './algorithm';
export * from './der';
export * from './fingerprint';
export * from './pem';
export * from './verify-signature';
