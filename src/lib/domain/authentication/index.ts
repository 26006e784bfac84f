// The authentication API: SigV4 signing and verification, console sign-in, TOTP MFA, password
// hashes and credential generation. Invariant: everything here takes plain data, lookups and an
// injected CryptoPort / IdSource; nothing reads a clock, a random source or the world model.
export * from './crypto';
export * from './sigv4';
export * from './totp';
export * from './passwords';
export * from './credentials';
export * from './consoleSignIn';
