export * from './backoff';
export * from './certificates';
export * from './reply';
export * from './request';
export * from './settings';
export * from './subject';
