// Sharing a lab outside the browser's storage: export files, share links, AWS account import.
// Invariant: everything here is pure and checks untrusted input fully before returning a lab.
export type { Problem, Checked } from './problems';
export { checkWorld, checkRecords } from './checkLab';
export type { LabMeta, LabSnapshot, LabFile } from './labFile';
export { createLabFile, serializeLabFile, readLabFile, checkLabFile, checkLabSnapshot, labFileFormat, labFileVersion } from './labFile';
export type { SharedLab, TextCompressor } from './shareLink';
export { encodeShareLink, decodeShareLink, shareVersion, toBase64Url, fromBase64Url } from './shareLink';
export type { AccountImport, AccountImportOptions } from './importAuthorizationDetails';
export { importAuthorizationDetails, readPolicyDocument } from './importAuthorizationDetails';
