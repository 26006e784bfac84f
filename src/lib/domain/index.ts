// The engine's public API: policy documents (parse, validate, normalize, compile), matching, condition
// operators and evaluation. Layers above the domain import the engine from here.
export * from './policy';
export * from './matching';
export * from './conditions';
export * from './evaluation';
