// Public API of the in-browser AWS CLI: parse and run terminal lines against the lab through the pipeline.
export { tokenize, quoteWord } from './tokenize';
export { parseAws, outputFormats, globalFlags } from './parseCommand';
export type { ParsedAws, GlobalOptions, OutputFormat } from './parseCommand';
export { commandTable, findCommand, commandsOf, services, commandNameOf, paramOf } from './commandTable';
export type { CommandSpec, OptionSpec, OptionType, Completion } from './commandTable';
export { formatOutput, formatJson, formatText, formatTable } from './formatOutput';
export { emptyCliConfig, resolveCredentials, resolveRegion, resolveOutput, configureSet, configureGet, configureList, setEnv, maskSecret } from './cliConfig';
export type { CliConfig, Profile } from './cliConfig';
export { apiErrorText, callApi, credentialsFor } from './callApi';
export type { CliLine, CliPorts } from './callApi';
export { runLine, newCliSession, applyConfigure, promptText, configurePrompts, isCliRequest } from './runCli';
export type { CliResult, CliSession, ConfigurePrompt } from './runCli';
export { completeLine, commonPrefix, labNames } from './completeLine';
export type { CompletionResult } from './completeLine';
export { runScript, parseScriptIdentity, signInForScript, mainAccountId } from './runScript';
export type { ScriptIdentity, ScriptPorts, ScriptRun } from './runScript';
