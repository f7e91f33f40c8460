export * from './modules';
export * from './http.module';
export * from './start';
