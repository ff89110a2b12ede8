export * from './audit';
export * from './auth';
export * from './files';
export * from './mail';
export * from './memberships';
export * from './networks';
export * from './registry';
export * from './seasons';
