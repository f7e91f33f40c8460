export * from './modules';
export * from './http.module';
export * from './start';
export * from './openapi/openapi-document';
