export * from './backoff';
export * from './certificates';
export * from './reply';
export * from './request';
export * from './subject';
