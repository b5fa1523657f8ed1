using CustomerRetention.Cli;

return RetentionApp.Run(args, CliConsole.FromProcessConsole());
